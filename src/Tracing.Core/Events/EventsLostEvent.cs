namespace Tracing.Events;

/// <summary>Events were lost; the count says how many, where it is known.</summary>
public sealed record EventsLostEvent : TraceEvent
{
    /// <summary>How many events were lost (at least 1): exactly this many when <see cref="IsExact"/>, else at least this many.</summary>
    public long Count { get; init; }

    /// <summary>
    /// True when <see cref="Count"/> is exact (the kernel counted the drops); false when it is only a lower bound (the
    /// source knows that events were lost, not how many).
    /// </summary>
    public bool IsExact { get; init; }

    /// <summary>Where they were lost.</summary>
    public LossReason Reason { get; init; }
}
