namespace Tracing.Ports;

/// <summary>
/// The part of a tracer's scope a source may decide in the kernel, so that an exec out of scope never reaches user
/// space (see <see cref="IKernelEventSource.StartAsync(IKernelEventSink, KernelEventInterest, KernelScope, CancellationToken)"/>).
/// A source that applies it marks the execs it delivers <see cref="KernelEvent.InScope"/>; one that does not delivers
/// everything, and the tracer decides as before.
/// </summary>
public sealed record KernelScope
{
    /// <summary>No narrowing: every process.</summary>
    public static KernelScope Everything { get; } = new();

    /// <summary>
    /// Only processes in this cgroup of the unified (v2) hierarchy or below it, as a path within that hierarchy
    /// (<c>/system.slice/x.service</c>); null: no such narrowing.
    /// </summary>
    public string? UnifiedCgroup { get; init; }
}
