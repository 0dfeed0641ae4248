namespace Tracing.Events;

/// <summary>Where events were lost.</summary>
public enum LossReason
{
    /// <summary>The kernel's socket buffer overflowed (ENOBUFS) before the tracer could read it.</summary>
    KernelBufferOverflow = 0,

    /// <summary>A subscriber was too slow and its bounded queue was full.</summary>
    SubscriberQueueFull = 1,

    /// <summary>
    /// An exec whose process was gone before the tracer could tell whether it was in scope (its cgroup could not be
    /// read): not reported, since it may be outside the filter, but counted.
    /// </summary>
    ScopeUndecided = 2,

    /// <summary>
    /// An exec in scope whose process was gone before the tracer could tell whether it meets the conditions
    /// (<see cref="Tracer.ExecTracingOptions.Conditions"/>: its command name or user ids could not be read): not
    /// reported, since it may not match, but counted.
    /// </summary>
    MatchUndecided = 3,
}
