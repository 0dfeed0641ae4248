namespace Tracing.Hosting.HealthChecks;

/// <summary>
/// What one health check registration saw of a tracer's losses at its previous run: the check itself is made anew for
/// every run, so this outlives it. A loss is dated by the check that first sees it.
/// </summary>
internal sealed class LossWatch
{
    private readonly Lock _gate = new();
    private long _kernelLost;
    private long _subscriberDropped;
    private DateTimeOffset? _lastLoss;

    /// <summary>The events lost since the previous check, and when a check last saw any (<paramref name="now"/> when this one did).</summary>
    public (long SinceLastCheck, DateTimeOffset? LastLoss) Observe(long kernelLost, long subscriberDropped, DateTimeOffset now)
    {
        lock (_gate)
        {
            // The counts are the current run's: a new run starts them again from 0, and all it counts is new.
            var since = Increase(_kernelLost, kernelLost) + Increase(_subscriberDropped, subscriberDropped);
            _kernelLost = kernelLost;
            _subscriberDropped = subscriberDropped;
            if (since > 0)
            {
                _lastLoss = now;
            }

            return (since, _lastLoss);
        }
    }

    private static long Increase(long previous, long current) => current >= previous ? current - previous : current;
}
