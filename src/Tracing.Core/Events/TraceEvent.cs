namespace Tracing.Events;

/// <summary>Something the tracer reports: an exec, an exit, or a loss notice.</summary>
public abstract record TraceEvent
{
    /// <summary>The kernel's timestamp of the event, in nanoseconds of <c>CLOCK_MONOTONIC</c> (0 when unknown).</summary>
    public long KernelTimestampNs { get; init; }

    /// <summary>The wall-clock time of the event, derived from <see cref="KernelTimestampNs"/>.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The process id (thread-group id) the event is about; 0 for events about no process.</summary>
    public int Pid { get; init; }
}
