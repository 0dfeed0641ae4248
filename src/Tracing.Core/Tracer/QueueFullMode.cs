namespace Tracing.Tracer;

/// <summary>What a subscriber's full queue gives up. Either way every dropped event is counted (and measured, and logged).</summary>
public enum QueueFullMode
{
    /// <summary>Keep what is queued; drop the event that arrives (the default: a reader sees an unbroken prefix).</summary>
    DropNewest = 0,

    /// <summary>Drop the oldest queued event to make room (a reader that catches up sees the most recent events).</summary>
    DropOldest = 1,
}
