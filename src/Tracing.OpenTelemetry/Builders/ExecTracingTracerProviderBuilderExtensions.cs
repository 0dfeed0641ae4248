using Tracing.OpenTelemetry;
using Tracing.OpenTelemetry.DependencyInjection;

namespace OpenTelemetry.Trace;

/// <summary>Process spans on an application's OpenTelemetry tracing pipeline.</summary>
public static class ExecTracingTracerProviderBuilderExtensions
{
    /// <summary>
    /// Makes every program the exec tracer reports a span, from its exec to its exit, under the span of the program it
    /// descends from: a traced command is one trace (docs/fleet.md). Needs <c>services.AddExecTracing(...)</c> and a
    /// host; turns on the tracer's exits (spans end there) and the details spans carry. Spans of programs still
    /// running when the host stops end then, marked <c>tracing.process.span_end = tracing_stopped</c>.
    /// </summary>
    /// <param name="builder">The tracing builder (<c>WithTracing(t =&gt; ...)</c>).</param>
    /// <param name="configure">What spans carry (argv is not sent unless asked), and which keyed tracer.</param>
    /// <returns>The builder.</returns>
    public static TracerProviderBuilder AddExecTracingInstrumentation(this TracerProviderBuilder builder, Action<ExecTelemetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSource(ExecTelemetry.SourceName);
        return builder.ConfigureServices(services => ExecTelemetryRegistration.Add(services, records: false, spans: true, configure));
    }
}
