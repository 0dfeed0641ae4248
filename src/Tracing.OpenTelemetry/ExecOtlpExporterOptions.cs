using OpenTelemetry.Exporter;

namespace Tracing.OpenTelemetry;

/// <summary>Where and what an <see cref="ExecOtlpExporter"/> sends.</summary>
public sealed class ExecOtlpExporterOptions
{
    /// <summary>
    /// The collector's base URL, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> gives one: over http/protobuf, <c>/v1/logs</c> and
    /// <c>/v1/traces</c> are appended. Null: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else <c>http://localhost:4317</c> for
    /// grpc and <c>http://localhost:4318</c> for http/protobuf. When null, <c>OTEL_EXPORTER_OTLP_LOGS_ENDPOINT</c> and
    /// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>, when set, are each signal's URL as they are.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Null: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>grpc</c> or <c>http/protobuf</c>), else grpc.</summary>
    public OtlpExportProtocol? Protocol { get; set; }

    /// <summary>
    /// The resource's <c>service.name</c>. Null: <c>OTEL_SERVICE_NAME</c> (or <c>service.name</c> in
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>), else <see cref="DefaultServiceName"/>.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>The <c>service.name</c> when neither the options nor the environment give one.</summary>
    public string DefaultServiceName { get; set; } = "exectrace";

    /// <summary>Exec and exit log records (<c>process.exec</c>, <c>process.exit</c>). True by default.</summary>
    public bool ExportRecords { get; set; } = true;

    /// <summary>A span per program, from its exec to its exit. True by default.</summary>
    public bool ExportSpans { get; set; } = true;

    /// <summary>What records and spans carry (argv is not sent unless asked).</summary>
    public ExecTelemetryOptions Telemetry { get; } = new();

    /// <summary>
    /// How many records, and how many spans, may wait for the backend; past it new ones are dropped and counted
    /// (<c>tracing.events.lost</c>, reason <c>export_queue_full</c>). 8192 by default: a few seconds of a build's execs.
    /// </summary>
    public int QueueSize { get; set; } = 8192;

    /// <summary>
    /// How long disposing waits for the backend to take what is queued (at most 1 s when the last export failed: the
    /// backend is down); what it has not taken then is counted lost.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Checks the protocol and endpoint an exporter would use, given here or by <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, and the queue size: what <see cref="ExecOtlpExporter.Start"/> would refuse.
    /// </summary>
    /// <exception cref="ArgumentException">One is not usable; the message says which and why.</exception>
    public void Validate()
    {
        var protocol = Export.OtlpEndpoints.Protocol(this, Environment.GetEnvironmentVariable);
        var baseUrl = Export.OtlpEndpoints.Base(this, protocol, Environment.GetEnvironmentVariable);
        _ = Export.OtlpEndpoints.ForSignal(this, baseUrl, protocol, "logs", Environment.GetEnvironmentVariable);
        _ = Export.OtlpEndpoints.ForSignal(this, baseUrl, protocol, "traces", Environment.GetEnvironmentVariable);
        if (QueueSize < 1)
        {
            throw new ArgumentException($"The OTLP queue size must be at least 1, not {QueueSize}.");
        }
    }
}
