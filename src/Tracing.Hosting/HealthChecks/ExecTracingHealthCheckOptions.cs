using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tracing.Hosting.HealthChecks;

/// <summary>How an exec tracing health check is registered, and how long a loss of events keeps it degraded.</summary>
public sealed class ExecTracingHealthCheckOptions
{
    /// <summary>The default name of the check of the unkeyed tracer; a keyed tracer's check is named <c>exectracing-KEY</c>.</summary>
    public const string DefaultName = "exectracing";

    /// <summary>The check's name; <see langword="null"/> for <see cref="DefaultName"/> (<c>exectracing-KEY</c> for a keyed tracer).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The status the check reports when the tracer failed or is not running while the host runs, and when the check
    /// itself throws; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.
    /// </summary>
    public HealthStatus? FailureStatus { get; set; }

    /// <summary>Tags to filter the check by (such as <c>live</c> or <c>ready</c> for separate probes).</summary>
    public IList<string> Tags { get; } = [];

    /// <summary>
    /// How long the check reads <see cref="HealthStatus.Degraded"/> after a check saw events lost (the kernel's buffer
    /// overflowed, or a subscriber's queue was full): 1 minute by default, long enough for probes some seconds apart to
    /// see it; <see cref="TimeSpan.Zero"/> degrades only the check that saw the loss.
    /// </summary>
    public TimeSpan LossWindow { get; set; } = TimeSpan.FromMinutes(1);
}
