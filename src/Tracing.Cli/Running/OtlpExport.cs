using Microsoft.Extensions.DependencyInjection;
using Tracing.Cli.Logging;
using Tracing.Events;
using Tracing.OpenTelemetry;
using Tracing.Tracer;

namespace Tracing.Cli.Running;

/// <summary>--otlp: the exporter's options from the command line and the environment, and the exporter of a run.</summary>
internal static class OtlpExport
{
    private const string RetryVariable = "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY";

    /// <summary>The exporter's options, checked; null without --otlp.</summary>
    /// <exception cref="UsageException">--otlp's endpoint, or the OTEL_* environment, is not usable; or --otlp-args or --quiet without --otlp.</exception>
    public static ExecOtlpExporterOptions? Options(TraceSettings settings)
    {
        if (!settings.Otlp)
        {
            return settings.OtlpArgs ? throw new UsageException("--otlp-args is for --otlp: there is no telemetry to put argv in.")
                : settings.Quiet ? throw new UsageException("--quiet is for --otlp: without it, nothing would be reported anywhere.")
                : null;
        }

        if (settings.Quiet && (settings.OutputPath is not null || settings.Json))
        {
            throw new UsageException("--quiet prints nothing: -o and --json have nothing to write.");
        }

        var options = new ExecOtlpExporterOptions
        {
            ExportRecords = Wanted("OTEL_LOGS_EXPORTER"),
            ExportSpans = Wanted("OTEL_TRACES_EXPORTER"),
        };
        if (!options.ExportRecords && !options.ExportSpans)
        {
            throw new UsageException("--otlp: OTEL_LOGS_EXPORTER and OTEL_TRACES_EXPORTER are both none: there is nothing to send.");
        }

        options.Telemetry.IncludeCommandArgs = settings.OtlpArgs;
        if (settings.OtlpEndpoint is { } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var url)
                ? url
                : throw new UsageException($"--otlp: '{endpoint}' is not a collector's URL, e.g. http://localhost:4317 (a command to run goes after --).");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--otlp: {e.Message}");
        }

        return options;
    }

    /// <summary>A signal is sent unless its OTEL_*_EXPORTER says none (otlp, the default, sends it; nothing else is spoken here).</summary>
    private static bool Wanted(string variable) => Environment.GetEnvironmentVariable(variable)?.Trim() switch
    {
        null or "" or "otlp" => true,
        "none" => false,
        var other => throw new UsageException($"--otlp: {variable}={other} is not supported: otlp (the default) or none."),
    };

    /// <summary>What of the tracer's events the writer prints: all; exits only with -t (with --otlp they are traced for spans); with --quiet only losses.</summary>
    public static Action<TraceEvent> Printed(TraceSettings settings, EventWriter writer) =>
        settings.Quiet ? item => { if (item is EventsLostEvent) writer.Write(item); }
        : settings.Exits || !settings.Otlp ? writer.Write
        : item => { if (item is not ExitEvent) writer.Write(item); };

    /// <summary>Starts exporting the tracer's run (before it starts); null without options. Trouble is said on stderr.</summary>
    public static ExecOtlpExporter? Start(ExecOtlpExporterOptions? options, ServiceProvider provider, ExecTracer tracer)
    {
        if (options is null)
        {
            return null;
        }

        // The SDK retries transient failures (a collector restarting, 429/503) only when asked: an agent wants it. A
        // value the user set, any value (e.g. "none"), is kept. Set when exporting starts, not when options are checked.
        if (Environment.GetEnvironmentVariable(RetryVariable) is null)
        {
            Environment.SetEnvironmentVariable(RetryVariable, "in_memory");
        }

        return ExecOtlpExporter.Start(
            tracer, options, provider.GetRequiredService<ExecTracerMetrics>(), new CategoryLogger<ExecOtlpExporter>(provider.GetRequiredService<StderrLoggerProvider>()));
    }
}
