using Tracing.Tracer;

namespace OpenTelemetry.Metrics;

/// <summary>The exec tracer's metrics on an application's OpenTelemetry metrics pipeline.</summary>
public static class ExecTracingMeterProviderBuilderExtensions
{
    /// <summary>
    /// Exports the tracer's meter (<c>Tracing</c>: events delivered, lost by reason, execs whose argv was incomplete,
    /// delivery latency; docs/observability.md), the same as <c>AddMeter("Tracing")</c>.
    /// </summary>
    /// <param name="builder">The metrics builder (<c>WithMetrics(m =&gt; ...)</c>).</param>
    /// <returns>The builder.</returns>
    public static MeterProviderBuilder AddExecTracingInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(ExecTracerMetrics.MeterName);
    }
}
