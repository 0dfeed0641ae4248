using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using Xunit.Abstractions;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>The fixture as a backend that goes down and comes back at the same address.</summary>
public sealed class BackendOutageTests(ITestOutputHelper output)
{
    // A refused connection fails the export, not the exporter's timeout (20 s below): measured 2-15 ms over
    // http/protobuf and 0.9-1.6 s over gRPC (the SDK 1.21 does not retry unless asked to).
    private static readonly TimeSpan s_failFast = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task An_export_to_a_stopped_dashboard_fails_quickly_and_one_after_its_restart_succeeds(OtlpExportProtocol protocol)
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        var options = new OtlpExporterOptions { TimeoutMilliseconds = 20_000 };
        options.Point(dashboard, protocol, "traces");
        using var exporter = new OtlpTraceExporter(options);
        output.WriteLine($"first start: {dashboard.StartDuration.TotalMilliseconds:F0} ms");
        Assert.Equal(ExportResult.Success, Export(exporter, "before"));

        await dashboard.StopAsync();
        var down = Stopwatch.StartNew();
        Assert.Equal(ExportResult.Failure, Export(exporter, "while down"));
        output.WriteLine($"failed export: {down.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(down.Elapsed < s_failFast, $"The failed export took {down.Elapsed.TotalSeconds:F1} s.");

        await dashboard.StartAsync();
        output.WriteLine($"restart on the same ports: {dashboard.StartDuration.TotalMilliseconds:F0} ms");
        Assert.Equal(ExportResult.Success, Export(exporter, "after"));

        // The dashboard keeps telemetry in memory only: a restart starts empty.
        var spans = await dashboard.GetTracesAsync();
        Assert.Equal(["after"], spans.Select(s => s.Name));
    }

    private static ExportResult Export(OtlpTraceExporter exporter, string name)
    {
        using var span = new Activity(name).Start();
        span.Stop();
        return exporter.Export(new Batch<Activity>([span], 1));
    }
}
