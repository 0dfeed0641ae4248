using Microsoft.Extensions.Logging;

namespace Tracing.OpenTelemetry.Export;

/// <summary>What an <see cref="ExecOtlpExporter"/> tells its operator: each kind of trouble once.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(1, LogLevel.Warning, "OTLP export to {Endpoint} cannot keep up: its queue of {QueueSize} is full, and exec telemetry is dropped while it is (counted in tracing.events.lost, reason export_queue_full). Tracing goes on.")]
    public static partial void QueueFull(ILogger logger, string endpoint, int queueSize);

    [LoggerMessage(2, LogLevel.Warning, "OTLP export to {Endpoint} failed: {Count} item(s) not taken (is the collector up, and does it speak {Protocol}?). Telemetry is dropped while export fails (counted in tracing.events.lost, reason export_failed). Tracing goes on.")]
    public static partial void Failed(ILogger logger, string endpoint, long count, string protocol);

    [LoggerMessage(3, LogLevel.Information, "OTLP export to {Endpoint} works again.")]
    public static partial void Recovered(ILogger logger, string endpoint);

    [LoggerMessage(4, LogLevel.Warning, "OTLP export to {Endpoint} lost {Records} exec/exit record(s) and {Spans} span(s): {QueueFull} dropped with the queue full, {Failed} not taken by the backend or still queued at the end.")]
    public static partial void Summary(ILogger logger, string endpoint, long records, long spans, long queueFull, long failed);
}
