using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Tracing.Tracer;

namespace Tracing.Hosting.HealthChecks;

/// <summary>
/// The health of one tracer, as data: unhealthy (the registration's failure status) when its source failed, or when it
/// is stopped or disposed while the host runs; degraded while it starts, and for <see cref="ExecTracingHealthCheckOptions.LossWindow"/>
/// after a check saw events lost; healthy otherwise, a run whose scope ended by itself (a traced container stopped) included.
/// </summary>
/// <remarks>
/// Execs lost because their process was gone before their scope or conditions could be decided are not counted: that
/// race is a short-lived process's, not the tracer's, and happens on a healthy machine (the metric <c>tracing.events.lost</c> counts them).
/// Without a host (no <see cref="IHostApplicationLifetime"/>) the tracer is expected to run whenever it is checked.
/// </remarks>
internal sealed class ExecTracingHealthCheck(
    ExecTracer tracer, LossWatch watch, TimeSpan lossWindow, IHostApplicationLifetime? lifetime, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(Check(context.Registration.FailureStatus));
    }

    private HealthCheckResult Check(HealthStatus failureStatus)
    {
        var state = tracer.State;
        var completion = tracer.Completion;
        var kernelLost = tracer.KernelEventsLost;
        var dropped = tracer.SubscriberEventsDropped;
        var now = time.GetUtcNow();
        var (sinceLastCheck, lastLoss) = watch.Observe(kernelLost, dropped, now);
        var scopeEnded = tracer.HasStarted && tracer.ScopeEnded.IsCompletedSuccessfully && !completion.IsFaulted;
        var data = new Dictionary<string, object>
        {
            [ExecTracingHealthData.State] = state.ToString(),
            [ExecTracingHealthData.KernelEventsLost] = kernelLost,
            [ExecTracingHealthData.SubscriberEventsDropped] = dropped,
            [ExecTracingHealthData.EventsLostSinceLastCheck] = sinceLastCheck,
            [ExecTracingHealthData.ScopeEnded] = scopeEnded,
        };
        if (lastLoss is { } seen)
        {
            data[ExecTracingHealthData.LastLoss] = seen;
        }

        if (completion.IsFaulted)
        {
            var error = completion.Exception.InnerException ?? completion.Exception;
            data[ExecTracingHealthData.Failure] = error.Message;
            return new HealthCheckResult(failureStatus, $"The exec tracer's event source failed: {error.Message}", error, data);
        }

        if (state == TracerState.Starting)
        {
            return HealthCheckResult.Degraded("Exec tracing is starting.", data: data);
        }

        var description = state == TracerState.Running ? "Exec tracing is running."
            : scopeEnded ? "What the tracer traced is gone (a container stopped); exec tracing stopped."
            : !HostRuns ? $"Exec tracing is {Describe(state)}; the host is not running."
            : null;
        if (description is null)
        {
            return new HealthCheckResult(
                failureStatus, lifetime is null ? $"Exec tracing is {Describe(state)}." : $"Exec tracing is {Describe(state)} while the host runs.", data: data);
        }

        var losing = sinceLastCheck > 0 || (lastLoss is { } at && now - at < lossWindow);
        return losing
            ? HealthCheckResult.Degraded(
                $"Exec tracing lost events {(sinceLastCheck > 0 ? $"since the last check ({sinceLastCheck})" : $"less than {lossWindow} ago")}; this run, {kernelLost} dropped by the kernel's buffer and {dropped} by full subscriber queues.",
                data: data)
            : HealthCheckResult.Healthy(description, data);
    }

    // Started and not yet stopping; without a host, always.
    private bool HostRuns => lifetime is null
        || (lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested);

    private static string Describe(TracerState state) => state switch
    {
        TracerState.Disposed => "disposed",
        TracerState.Stopping => "stopping",
        _ => "stopped",
    };
}
