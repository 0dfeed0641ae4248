namespace Tracing.Events;

/// <summary>Events were lost; the count says how many, where it is known.</summary>
public sealed record EventsLostEvent : TraceEvent
{
    /// <summary>How many events were lost (at least 1; a lower bound when the source only knows that some were).</summary>
    public long Count { get; init; }

    /// <summary>Where they were lost.</summary>
    public LossReason Reason { get; init; }
}
