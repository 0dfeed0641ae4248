using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tracing.Hosting.HealthChecks;

/// <summary>
/// The check of a tracer that could not be had (none registered under that key, or its options refused): the
/// registration's failure status with the reason, so that one bad registration fails its own check, not the whole report.
/// </summary>
internal sealed class UnresolvedTracerHealthCheck(string description, Exception? exception) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, description, exception));
    }
}
