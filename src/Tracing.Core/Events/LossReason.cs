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

    /// <summary>
    /// An event reported here but not sent on by an exporter (OpenTelemetry's, in <c>Tracing.OpenTelemetry</c>) because
    /// its queue was full: the backend was down or slower than the events came. Other subscribers still got it.
    /// </summary>
    ExportQueueFull = 4,

    /// <summary>
    /// An event an exporter sent on but the backend did not take: it refused it or could not be reached, after the
    /// exporter's retries (when it has them on), or it was still sending when tracing stopped. Other subscribers still got it.
    /// </summary>
    ExportFailed = 5,
}
