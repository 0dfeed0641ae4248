using Tracing.OpenTelemetry;
using Tracing.OpenTelemetry.DependencyInjection;
using Tracing.OpenTelemetry.Records;

namespace OpenTelemetry.Logs;

/// <summary>Exec and exit records on an application's OpenTelemetry logging pipeline.</summary>
public static class ExecTracingLoggerProviderBuilderExtensions
{
    /// <summary>
    /// Makes every exec and exit the exec tracer reports a log record (<c>process.exec</c>, <c>process.exit</c>, category
    /// <c>Tracing.Processes</c>) with the time the kernel saw it and, with spans on, its process's trace and span ids.
    /// The records go to OpenTelemetry's logger only, not to the console or other providers (a filter of the
    /// application's own for <c>Tracing.Processes</c> overrides that). Needs <c>services.AddExecTracing(...)</c> and a
    /// host; turns on the tracer's exits and the details records carry. Call it before adding exporters, so they see
    /// the records' kernel times.
    /// </summary>
    /// <param name="builder">The logging builder (<c>WithLogging(l =&gt; ...)</c>).</param>
    /// <param name="configure">What records carry (argv is not sent unless asked), and which keyed tracer.</param>
    /// <returns>The builder.</returns>
    public static LoggerProviderBuilder AddExecTracingInstrumentation(this LoggerProviderBuilder builder, Action<ExecTelemetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddProcessor(new ProcessRecordTimestamps());
        return builder.ConfigureServices(services => ExecTelemetryRegistration.Add(services, records: true, spans: false, configure));
    }
}
