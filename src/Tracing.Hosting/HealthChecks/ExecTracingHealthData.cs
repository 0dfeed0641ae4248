namespace Tracing.Hosting.HealthChecks;

/// <summary>The keys of the <c>Data</c> of an exec tracing health check's result.</summary>
public static class ExecTracingHealthData
{
    /// <summary>The tracer's <see cref="Tracer.TracerState"/>, by name (<c>Running</c>).</summary>
    public const string State = "state";

    /// <summary>Events the kernel dropped in the current run (a <see cref="long"/>).</summary>
    public const string KernelEventsLost = "kernel_events_lost";

    /// <summary>Events dropped by full subscriber queues in the current run (a <see cref="long"/>).</summary>
    public const string SubscriberEventsDropped = "subscriber_events_dropped";

    /// <summary>Events lost (both kinds) since the previous run of the same check (a <see cref="long"/>).</summary>
    public const string EventsLostSinceLastCheck = "events_lost_since_last_check";

    /// <summary>When a check last saw events lost (a <see cref="DateTimeOffset"/>); absent when none ever saw any.</summary>
    public const string LastLoss = "last_loss";

    /// <summary>True when the last run ended by itself because what it traced is gone (a <see cref="bool"/>).</summary>
    public const string ScopeEnded = "scope_ended";

    /// <summary>The message of the failure that ended the run; present only when the event source failed.</summary>
    public const string Failure = "failure";
}
