using System.Globalization;

using Tracing.Kernel.Tests.Cli;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>A program still running when tracing stops: its exec is sent, and its span ends then, said so, with no exit.</summary>
public sealed class ExectraceOtlpStopTests : IDisposable
{
    private readonly ShapeDirectory _shape = new();

    [Fact]
    public async Task A_program_running_at_stop_has_its_span_ended_as_tracing_stopped_under_its_parent()
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        // The root starts a held program and waits until that program is past its exec (a line on the pause), then exits.
        var script = _shape.RootScript("run leaf 1\nspawn held 0\nread x < \"$pause\"", 3);
        var (exitCode, _, errors) = await HeldShapeRun.RunAsync(_shape, _shape.StartInfo(script, null, "--otlp", dashboard.OtlpGrpcEndpoint.ToString(), "-t"));

        // exectrace is gone; the held program lives on until the test lets it go.
        var record = ShapeRecord.Read(_shape, [_shape.Tsh, "-c", script], exitCode);
        var held = Assert.Single(record.Programs, p => p.Argv.Count > 2 && p.Argv[2].SequenceEqual("held"u8.ToArray()));
        Assert.True(File.Exists($"/proc/{held.Pid}/stat"), "the held program ended too soon");
        await _shape.Fifos.ReleaseAsync(_shape.Go, ExectraceSession.Bound);

        Assert.True(exitCode == 3, $"exit code {exitCode}; stderr: {errors}");
        var (logs, spans) = (await dashboard.GetLogsAsync(), await dashboard.GetTracesAsync());
        var pid = held.Pid.ToString(CultureInfo.InvariantCulture);
        Assert.Single(logs, l => l.EventName == "process.exec" && l.Attributes["process.pid"] as string == pid);
        Assert.DoesNotContain(logs, l => l.EventName == "process.exit" && l.Attributes["process.pid"] as string == pid);
        Assert.Equal(record.Programs.Count, spans.Count);
        var root = Assert.Single(spans, s => s.ParentSpanId is null);
        var span = Assert.Single(spans, s => s.Attributes["process.pid"] as string == pid);
        Assert.Equal(root.SpanId, span.ParentSpanId);
        Assert.Equal("tracing_stopped", span.Attributes["tracing.process.span_end"]);
        Assert.False(span.Attributes.ContainsKey("process.exit.code"));
        Assert.Equal(0, span.StatusCode);
        Assert.True(span.EndTimeUnixNano >= root.EndTimeUnixNano, "ended when tracing stopped, after the command's exit");
    }

    public void Dispose() => _shape.Dispose();
}
