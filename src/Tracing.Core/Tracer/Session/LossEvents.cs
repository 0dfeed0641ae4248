using Tracing.Events;

namespace Tracing.Tracer.Session;

/// <summary>The events that say what could not be reported, and why.</summary>
internal static class LossEvents
{
    /// <summary>The kernel dropped <paramref name="count"/> events (exactly that many, or at least, by <paramref name="exact"/>).</summary>
    public static EventsLostEvent KernelOverflow(TracerContext context, long count, bool exact) => new()
    {
        Count = count,
        IsExact = exact,
        Reason = LossReason.KernelBufferOverflow,
        KernelTimestampNs = context.Clock.NowNanoseconds,
        Time = context.Time.GetUtcNow(),
    };

    /// <summary>A process exec'd and was gone before the filter could tell whether it is in scope.</summary>
    public static EventsLostEvent ScopeUndecided(TracerContext context, int pid, long kernelTimestampNs) => new()
    {
        Pid = pid,
        Count = 1,
        IsExact = true,
        Reason = LossReason.ScopeUndecided,
        KernelTimestampNs = kernelTimestampNs,
        Time = context.ToWallClock(kernelTimestampNs),
    };

    /// <summary>A process in scope exec'd and was gone before the conditions could tell whether to report it.</summary>
    public static EventsLostEvent MatchUndecided(TracerContext context, int pid, long kernelTimestampNs) => new()
    {
        Pid = pid,
        Count = 1,
        IsExact = true,
        Reason = LossReason.MatchUndecided,
        KernelTimestampNs = kernelTimestampNs,
        Time = context.ToWallClock(kernelTimestampNs),
    };
}
