using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tracing.Events;
using Tracing.OpenTelemetry.Export;
using Tracing.OpenTelemetry.Records;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry;

/// <summary>
/// Sends one run of a tracer to an OTLP collector, on a pipeline of its own: exec and exit log records and a span per
/// program, batched off the tracer's threads. It never slows tracing: a backend that is down or slow costs no exec, its
/// queue is bounded, and what is not sent is counted (<c>tracing.events.lost</c>, reasons <c>export_queue_full</c> and
/// <c>export_failed</c>) and said once. Create it before starting the tracer; dispose it after stopping the tracer.
/// For an application that has its own OpenTelemetry pipeline, <c>AddExecTracingInstrumentation()</c> on its builders
/// is the way in instead.
/// </summary>
public sealed partial class ExecOtlpExporter : IAsyncDisposable
{
    /// <summary>A batch leaves at most a second after its first item (the SDK's default for spans is 5 s): near real time.</summary>
    private const int BatchDelayMs = 1000;

    /// <summary>The SDK's default: how long one export may take.</summary>
    private const int BatchTimeoutMs = 30000;

    /// <summary>How long disposing waits when the last export failed.</summary>
    private static readonly TimeSpan s_failingShutdown = TimeSpan.FromSeconds(1);

    private readonly ExecTracer _tracer;
    private readonly ExecOtlpExporterOptions _options;
    private readonly ExecTracerMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly OtlpExportProtocol _protocol;
    private readonly Func<string, string?> _environment;
    private readonly string _shownEndpoint;
    private readonly ExportGate _recordGate;
    private readonly ExportGate _spanGate;
    private readonly RequestWatch _requests = new();
    private readonly ActivitySource? _source;
    private readonly TracerProvider? _tracerProvider;
    private readonly ILoggerFactory? _recordLoggers;
    private readonly BatchActivityExportProcessor? _spanExport;
    private readonly BatchLogRecordExportProcessor? _recordExport;
    private readonly ExecTelemetry _telemetry;
    private int _queueFullSaid;
    private int _failedSaid;
    private int _disposed;

    private ExecOtlpExporter(ExecTracer tracer, ExecOtlpExporterOptions options, ExecTracerMetrics? metrics, ILogger? logger, Func<string, string?> environment)
    {
        _tracer = tracer;
        _options = options;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
        _environment = environment;
        _protocol = OtlpEndpoints.Protocol(options, environment);
        Endpoint = OtlpEndpoints.Base(options, _protocol, environment);
        _shownEndpoint = OtlpEndpoints.Shown(Endpoint);
        _recordGate = new ExportGate(options.QueueSize, OnLost);
        _spanGate = new ExportGate(options.QueueSize, OnLost);
        var resource = ExportResource.Create(options, environment);
        if (options.ExportSpans)
        {
            _source = new ActivitySource(ExecTelemetry.SourceName);
            _spanExport = new SourceBatchExportProcessor(
                new CountedOtlpTraceExporter(ExporterOptions("traces"), _spanGate), _source, options.QueueSize, BatchSize(options), BatchDelayMs, BatchTimeoutMs);
            _tracerProvider = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(ExecTelemetry.SourceName)
                .AddProcessor(_spanExport)
                .Build();
        }

        if (options.ExportRecords)
        {
            var recordExport = new BatchLogRecordExportProcessor(
                new CountedOtlpLogExporter(ExporterOptions("logs"), _recordGate), options.QueueSize, BatchDelayMs, BatchTimeoutMs, BatchSize(options));
            _recordExport = recordExport;
            _recordLoggers = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(resource);
                o.AddProcessor(new ProcessRecordTimestamps());
                o.AddProcessor(recordExport);
            }));
        }

        _telemetry = new ExecTelemetry(
            tracer, options.Telemetry, _recordLoggers?.CreateLogger(ExecTelemetry.RecordCategory), _source, _recordGate, _spanGate);
        _telemetry.Start();
    }

    /// <summary>The collector's base URL this exporter sends to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Records and spans the collector took.</summary>
    public long Exported => _recordGate.Exported + _spanGate.Exported;

    /// <summary>Records and spans not sent: dropped with the queue full, refused, unreachable, or still queued at the end.</summary>
    public long Lost => _recordGate.QueueFull + _recordGate.Failed + _spanGate.QueueFull + _spanGate.Failed;

    /// <summary>Starts exporting <paramref name="tracer"/>'s next run (or the one under way, from now on).</summary>
    /// <param name="tracer">The tracer; its options should include exits (spans end at exits) and the details to send.</param>
    /// <param name="options">Where and what to send.</param>
    /// <param name="metrics">The tracer's metrics, where losses are counted; null to count them only here.</param>
    /// <param name="logger">Where trouble is said, once each; null for nowhere.</param>
    /// <returns>The exporter; dispose it once the tracer has stopped.</returns>
    /// <exception cref="ArgumentException">The endpoint or protocol (given, or from the environment) is not usable.</exception>
    public static ExecOtlpExporter Start(ExecTracer tracer, ExecOtlpExporterOptions options, ExecTracerMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tracer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new ExecOtlpExporter(tracer, options, metrics, logger, Environment.GetEnvironmentVariable);
    }

    /// <summary>The SDK's batch size (512), or the whole queue when that is smaller: the SDK refuses a batch larger than its queue.</summary>
    private static int BatchSize(ExecOtlpExporterOptions options) => Math.Min(512, options.QueueSize);

    private OtlpExporterOptions ExporterOptions(string signal)
    {
        var options = new OtlpExporterOptions
        {
            Protocol = _protocol,
            Endpoint = OtlpEndpoints.ForSignal(_options, Endpoint, _protocol, signal, _environment),
        };

        // The SDK's own client, as it would make it, but through the watch (one handler for both signals' clients).
        var timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds);
        options.HttpClientFactory = () => new HttpClient(_requests, disposeHandler: false) { Timeout = timeout };
        return options;
    }
}
