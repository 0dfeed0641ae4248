namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// <c>exectrace --otlp</c> against a real backend, the kernel as the oracle: a shape records what it ran (pids, parent
/// pids, argv, exit statuses), and the dashboard must hold exactly that as exec and exit records and spans.
/// </summary>
public sealed class ExectraceOtlpTests : IDisposable
{
    // A failing child, an exec chain, a nested child, a subshell that forks without exec, a killed child.
    private const string Body = """
        run leaf 3
        run chain 0
        run nest 1
        ( run leaf 0; run leaf 2 ) & forked
        run killed 0
        """;

    private readonly ShapeDirectory _shape = new();

    [Fact]
    public async Task Grpc_every_exec_and_exit_is_one_record_and_every_program_one_span_of_one_trace()
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        var script = _shape.RootScript(Body, 4);
        var (exitCode, lines, errors) = await HeldShapeRun.RunAsync(
            _shape, _shape.StartInfo(script, null, "--otlp", dashboard.OtlpGrpcEndpoint.ToString(), "-t"));

        Assert.True(exitCode == 4, $"exit code {exitCode}; stderr: {errors}");
        Assert.DoesNotContain("OTLP", errors, StringComparison.Ordinal);
        var record = ShapeRecord.Read(_shape, [_shape.Tsh, "-c", script], exitCode);
        Assert.Equal(record.Programs.Select(p => p.Pid), HeldShapeRun.ExecPids(lines));
        var (logs, spans) = (await dashboard.GetLogsAsync(), await dashboard.GetTracesAsync());
        ShapeTelemetry.Verify(record, logs, spans, _shape.Tsh, withArgs: false);
        Assert.All(logs.Select(l => l.ResourceAttributes).Concat(spans.Select(s => s.ResourceAttributes)), r =>
            Assert.Equal(("exectrace", Environment.MachineName, "linux"), (r["service.name"], r["host.name"], r["os.type"])));
    }

    [Fact]
    public async Task Http_protobuf_from_the_environment_with_its_service_name_and_resource_attributes()
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        var marker = KernelTracer.NewMarker();
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpHttpEndpoint.ToString(),
            ["OTEL_SERVICE_NAME"] = $"build-{marker}",
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"deployment.environment.name=ci,tracing.test.marker={marker}",
        };
        var script = _shape.RootScript(Body, 0);
        var (exitCode, lines, errors) = await HeldShapeRun.RunAsync(_shape, _shape.StartInfo(script, environment, "--otlp", "-t"));

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        Assert.DoesNotContain("OTLP", errors, StringComparison.Ordinal);
        var record = ShapeRecord.Read(_shape, [_shape.Tsh, "-c", script], exitCode);
        Assert.Equal(record.Programs.Select(p => p.Pid), HeldShapeRun.ExecPids(lines));
        var (logs, spans) = (await dashboard.GetLogsAsync(), await dashboard.GetTracesAsync());
        ShapeTelemetry.Verify(record, logs, spans, _shape.Tsh, withArgs: false);
        Assert.All(logs.Select(l => l.ResourceAttributes).Concat(spans.Select(s => s.ResourceAttributes)), r =>
        {
            Assert.Equal(($"build-{marker}", Environment.MachineName, "linux"), (r["service.name"], r["host.name"], r["os.type"]));
            Assert.Equal(("ci", marker), (r["deployment.environment.name"], r["tracing.test.marker"]));
        });
    }

    public void Dispose() => _shape.Dispose();
}
