using System.Text;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Exporter;
using Tracing.OpenTelemetry.Export;
using Tracing.OpenTelemetry.Tests.Fakes;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry.Tests;

/// <summary>The whole OTLP pipeline of a tracer run, against a fake collector on loopback or a port nobody listens on.</summary>
[Collection(OtlpExporters.Name)]
public sealed partial class ExecOtlpExporterTests : IAsyncDisposable
{
    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private readonly TracedBuild _build = new();
    private readonly TestMeterFactory _meters = new();
    private readonly ExecTracerMetrics _metrics;
    private readonly MetricCollector<long> _lost;
    private readonly FakeLogger _logger = new();
    private readonly string? _serviceNameBefore = Environment.GetEnvironmentVariable(ServiceNameVariable);

    public ExecOtlpExporterTests()
    {
        _metrics = new ExecTracerMetrics(_meters);
        _lost = new MetricCollector<long>(_meters, ExecTracerMetrics.MeterName, "tracing.events.lost");
        Environment.SetEnvironmentVariable(ServiceNameVariable, null);
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(ServiceNameVariable, _serviceNameBefore);
        await _build.DisposeAsync();
        _lost.Dispose();
        _metrics.Dispose();
        _meters.Dispose();
    }

    private static ExecOtlpExporterOptions Options(Uri endpoint, int queueSize = 8192) => new()
    {
        Endpoint = endpoint,
        Protocol = OtlpExportProtocol.HttpProtobuf,
        QueueSize = queueSize,
    };

    /// <summary>Exports one build's run, and disposes the exporter after the tracer stopped, as the CLI does.</summary>
    private async Task<ExecOtlpExporter> ExportBuildAsync(ExecOtlpExporterOptions options, Func<Task>? beforeDispose = null)
    {
        await using var tracer = _build.CreateTracer(_metrics);
        var exporter = ExecOtlpExporter.Start(tracer, options, _metrics, _logger);
        await tracer.StartAsync();
        _build.Run();
        await tracer.StopAsync();
        if (beforeDispose is not null)
        {
            await beforeDispose();
        }

        await exporter.DisposeAsync().AsTask().WaitAsync(s_timeout);
        return exporter;
    }

    private long LostFor(string reason) =>
        _lost.GetMeasurementSnapshot().Where(m => Equals(m.Tags["tracing.loss.reason"], reason)).Sum(m => m.Value);

    private int Logged(int eventId) => _logger.Collector.GetSnapshot().Count(r => r.Id.Id == eventId);

    [Fact]
    public async Task A_collector_that_takes_everything_gets_every_record_and_span_and_nothing_is_lost()
    {
        await using var collector = new OtlpReceiver();

        var exporter = await ExportBuildAsync(Options(collector.Endpoint));

        Assert.Equal(collector.Endpoint, exporter.Endpoint);
        Assert.Equal(TracedBuild.Records + TracedBuild.Spans, exporter.Exported);
        Assert.Equal(0, exporter.Lost);
        Assert.Empty(_lost.GetMeasurementSnapshot());
        Assert.Empty(_logger.Collector.GetSnapshot());
        Assert.Equal(["/v1/logs", "/v1/traces"], collector.Requests.Select(r => r.Path).Distinct().Order());
        Assert.Contains(collector.Requests, r => r.Path == "/v1/logs" && Contains(r.Body, "process.exec"));
    }

    [Theory]
    [InlineData(null, null, "exectrace")]
    [InlineData("from-environment", null, "from-environment")]
    [InlineData("from-environment", "from-options", "from-options")]
    public async Task Records_and_spans_carry_the_service_name_the_options_else_the_environment_else_exectrace(
        string? fromEnvironment, string? fromOptions, string expected)
    {
        Environment.SetEnvironmentVariable(ServiceNameVariable, fromEnvironment);
        await using var collector = new OtlpReceiver();
        var options = Options(collector.Endpoint);
        options.ServiceName = fromOptions;

        var exporter = await ExportBuildAsync(options);

        Assert.Equal(TracedBuild.Records + TracedBuild.Spans, exporter.Exported);

        // The log exporter is wrapped: the resource on its records proves it was handed the provider.
        foreach (var signal in new[] { "/v1/logs", "/v1/traces" })
        {
            var body = collector.Body(signal);
            Assert.True(Contains(body, "service.name"), signal);
            Assert.True(Contains(body, expected), $"{signal} has no {expected}");
            foreach (var other in new[] { "exectrace", "from-environment", "from-options" }.Where(o => o != expected))
            {
                Assert.False(Contains(body, other), $"{signal} has {other}");
            }
        }
    }

    [Fact]
    public async Task A_collector_nobody_listens_for_loses_everything_counted_as_export_failed_and_said_once()
    {
        var closed = new Uri($"http://127.0.0.1:{OtlpReceiver.FreePort()}");
        var options = Options(closed);
        options.ShutdownTimeout = TimeSpan.FromSeconds(10);

        var exporter = await ExportBuildAsync(options);

        Assert.Equal(0, exporter.Exported);
        Assert.Equal(TracedBuild.Records + TracedBuild.Spans, exporter.Lost);
        Assert.Equal(exporter.Lost, LostFor("export_failed"));
        Assert.Equal(0, LostFor("export_queue_full"));
        Assert.Equal(1, Logged(2));
        Assert.Equal(1, Logged(4));
        Assert.Equal(0, Logged(1));
        Assert.All(_logger.Collector.GetSnapshot(), r => Assert.Contains(closed.Authority, r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_collector_that_does_not_keep_up_fills_the_queue_and_what_is_dropped_is_counted_as_export_queue_full_and_said_once()
    {
        await using var collector = new OtlpReceiver(held: true);

        // A queue of one: the first record and the first ended span wait for the collector, the rest find it full.
        var expectedFull = TracedBuild.Records - 1 + TracedBuild.Spans - 1;
        var exporter = await ExportBuildAsync(Options(collector.Endpoint, queueSize: 1), async () =>
        {
            await _lost.WaitForMeasurementsAsync(expectedFull, s_timeout);
            collector.Release();
        });

        Assert.Equal(2, exporter.Exported);
        Assert.Equal(expectedFull, exporter.Lost);
        Assert.Equal(expectedFull, LostFor("export_queue_full"));
        Assert.Equal(0, LostFor("export_failed"));
        Assert.Equal(1, Logged(1));
        Assert.Equal(0, Logged(2));
        Assert.Equal(1, Logged(4));
    }

    [Fact]
    public void A_queue_size_below_1_is_refused_at_start()
    {
        var options = new ExecOtlpExporterOptions { Endpoint = new Uri("http://127.0.0.1:4318"), Protocol = OtlpExportProtocol.HttpProtobuf, QueueSize = 0 };

        Assert.Throws<ArgumentException>(() => ExecOtlpExporter.Start(_build.CreateTracer(), options));
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
