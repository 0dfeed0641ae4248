using Tracing.OpenTelemetry.Tests.Fakes;

namespace Tracing.OpenTelemetry.Tests;

/// <summary>When an exporter waits for its run, when it gives it up, and whose spans it takes.</summary>
public sealed partial class ExecOtlpExporterTests
{
    [Fact]
    public async Task Disposing_after_the_tracer_stopped_sends_everything_the_run_reported_first()
    {
        const int Programs = 300;
        await using var collector = new OtlpReceiver();
        await using var tracer = _build.CreateTracer(_metrics);
        var exporter = ExecOtlpExporter.Start(tracer, Options(collector.Endpoint), _metrics, _logger);
        await tracer.StartAsync();
        for (var pid = 1000; pid < 1000 + Programs; pid++)
        {
            _build.Kernel.Fork(1, pid, pid * 1_000_000L);
            _build.Kernel.Exec(pid, pid * 1_000_000L + 1000);
            _build.Kernel.Exit(pid, 0, pid * 1_000_000L + 2000, parentPid: 1);
        }

        await tracer.StopAsync();
        await exporter.DisposeAsync().AsTask().WaitAsync(s_timeout);

        Assert.Equal(3 * Programs, exporter.Exported);
        Assert.Equal(0, exporter.Lost);
    }

    [Fact]
    public async Task An_exporter_made_after_a_run_and_disposed_before_another_does_not_wait_for_it()
    {
        await using var collector = new OtlpReceiver();
        await using var tracer = _build.CreateTracer(_metrics);
        await tracer.StartAsync();
        await tracer.StopAsync();
        var options = Options(collector.Endpoint);
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(200);
        var exporter = ExecOtlpExporter.Start(tracer, options, _metrics, _logger);

        await exporter.DisposeAsync().AsTask().WaitAsync(s_timeout);

        Assert.Equal(0, exporter.Exported + exporter.Lost);
    }

    [Fact]
    public async Task Disposing_while_the_run_goes_on_abandons_it_without_waiting_and_leaves_nothing_uncounted()
    {
        await using var collector = new OtlpReceiver();
        await using var tracer = _build.CreateTracer(_metrics);
        var exporter = ExecOtlpExporter.Start(tracer, Options(collector.Endpoint), _metrics, _logger);
        await tracer.StartAsync();
        _build.Run();

        await exporter.DisposeAsync().AsTask().WaitAsync(s_timeout);
        await tracer.StopAsync();

        // Whatever the bridge had read when abandoned is sent, its spans still open ended then.
        Assert.Equal(0, exporter.Lost);
    }

    [Fact]
    public async Task Two_exporters_in_one_process_each_send_only_their_own_tracers_spans()
    {
        await using var collector = new OtlpReceiver();
        await using var otherCollector = new OtlpReceiver();
        await using var otherBuild = new TracedBuild();
        await using var otherTracer = otherBuild.CreateTracer();
        var other = ExecOtlpExporter.Start(otherTracer, Options(otherCollector.Endpoint));
        await otherTracer.StartAsync();

        var exporter = await ExportBuildAsync(Options(collector.Endpoint));
        await otherTracer.StopAsync();
        await other.DisposeAsync().AsTask().WaitAsync(s_timeout);

        Assert.Equal(TracedBuild.Records + TracedBuild.Spans, exporter.Exported);
        Assert.Equal(0, other.Exported);
        Assert.Equal(0, other.Lost);
        Assert.Empty(otherCollector.Requests);
    }
}
