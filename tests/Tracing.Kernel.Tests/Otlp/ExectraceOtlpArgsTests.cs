namespace Tracing.Kernel.Tests.Otlp;

/// <summary>argv in OTLP only when asked (--otlp-args), and then byte-exact, a non-UTF-8 argument included.</summary>
public sealed class ExectraceOtlpArgsTests : IDisposable
{
    // A child with an argument of two words and one that is not UTF-8 (x, byte 0xFF, y), made by the shell.
    private const string Body = """run leaf 0 'two words' "$(printf 'x\377y')" """;

    private readonly ShapeDirectory _shape = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Argv_is_sent_only_with_otlp_args_and_then_byte_exact(bool withArgs)
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        var script = _shape.RootScript(Body, 0);
        string[] arguments = withArgs ? ["-t", "--otlp", dashboard.OtlpGrpcEndpoint.ToString(), "--otlp-args"] : ["-t", "--otlp", dashboard.OtlpGrpcEndpoint.ToString()];
        var (exitCode, _, errors) = await HeldShapeRun.RunAsync(_shape, _shape.StartInfo(script, null, arguments));

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var record = ShapeRecord.Read(_shape, [_shape.Tsh, "-c", script], exitCode);
        var child = Assert.Single(record.Programs, p => p.Argv.Count == 6);
        Assert.Equal([(byte)'x', 0xFF, (byte)'y'], child.Argv[5]);
        var (logs, spans) = (await dashboard.GetLogsAsync(), await dashboard.GetTracesAsync());
        ShapeTelemetry.Verify(record, logs, spans, _shape.Tsh, withArgs);
        var keys = logs.SelectMany(l => l.Attributes.Keys).Concat(spans.SelectMany(s => s.Attributes.Keys)).ToHashSet();
        Assert.Equal(withArgs, keys.Contains("process.command_args"));
        Assert.Equal(withArgs, keys.Contains("tracing.process.command_args_base64"));
    }

    public void Dispose() => _shape.Dispose();
}
