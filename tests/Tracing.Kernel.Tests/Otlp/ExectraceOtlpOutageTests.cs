using System.Text.RegularExpressions;
using Tracing.Kernel.Tests.Cli;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// A backend that is down costs no exec: the command's output and exit code are its own, every exec is printed, and
/// what was not exported is counted, once, on stderr: exported and lost add up to what was produced.
/// </summary>
public sealed partial class ExectraceOtlpOutageTests : IDisposable
{
    private readonly ShapeDirectory _shape = new();

    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task A_backend_down_from_the_start_costs_no_exec_and_everything_is_counted_lost(string protocol)
    {
        var dashboard = await AspireDashboard.StartNewAsync();
        await dashboard.DisposeAsync();
        var endpoint = Endpoint(dashboard, protocol);
        var script = _shape.RootScript("""
            echo command-output
            echo command-error >&2
            run leaf 3
            run chain 0
            ( run leaf 1 ) & forked
            """, 6);
        var (exitCode, lines, errors) = await HeldShapeRun.RunAsync(_shape, _shape.StartInfo(
            script, new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol }, "--otlp", endpoint.ToString(), "-t"));

        Assert.True(exitCode == 6, $"exit code {exitCode}; stderr: {errors}");
        var record = ShapeRecord.Read(_shape, [_shape.Tsh, "-c", script], exitCode);
        Assert.Equal(record.Programs.Select(p => p.Pid), HeldShapeRun.ExecPids(lines));
        Assert.Single(lines, "command-output");
        Assert.Single(errors.Split('\n'), "command-error");
        Assert.Single(Regex.Matches(errors, $@"OTLP export to {Regex.Escape(endpoint.ToString())} failed: \d+ item\(s\) not taken"));
        var (records, spans) = Lost(errors, endpoint);
        Assert.Equal((record.Programs.Count + record.Processes.Count, record.Programs.Count), (records, spans));
    }

    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task A_backend_that_goes_down_mid_run_costs_no_exec_and_what_it_missed_is_counted(string protocol)
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        var endpoint = Endpoint(dashboard, protocol);
        var script = _shape.RootScript("""
            run leaf 0
            run nest 2
            read x < "$pause"
            run chain 1
            ( run leaf 0 ) & forked
            run leaf 5
            """, 0);
        var info = _shape.StartInfo(script, new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol }, "--otlp", endpoint.ToString(), "-t");
        var outage = StopAtPauseAsync(dashboard, script);
        var (exitCode, lines, errors) = await HeldShapeRun.RunAsync(_shape, info);
        var (exportedRecords, exportedSpans) = await outage;

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var record = ShapeRecord.Read(_shape, [_shape.Tsh, "-c", script], exitCode);
        Assert.Equal(record.Programs.Select(p => p.Pid), HeldShapeRun.ExecPids(lines));
        Assert.Single(Regex.Matches(errors, $@"OTLP export to {Regex.Escape(endpoint.ToString())} failed: \d+ item\(s\) not taken"));
        var (records, spans) = Lost(errors, endpoint);
        Assert.True(records > 0 && spans > 0, errors);
        Assert.Equal(
            (record.Programs.Count + record.Processes.Count, record.Programs.Count),
            (exportedRecords + records, exportedSpans + spans));
    }

    public void Dispose() => _shape.Dispose();

    /// <summary>
    /// Once the root waits at the pause, waits until the dashboard holds everything made so far (every record, and the
    /// span of every program that ended: all but the root's), stops it, and lets the root go on. Returns those counts.
    /// </summary>
    private async Task<(int Records, int Spans)> StopAtPauseAsync(AspireDashboard dashboard, string script)
    {
        await using var pause = await _shape.Fifos.OpenAsync(_shape.Pause, TimeSpan.FromSeconds(60));
        var soFar = ShapeRecord.Read(_shape, [_shape.Tsh, "-c", script], rootStatus: 0);
        var (records, spans) = (soFar.Programs.Count + soFar.Processes.Count - 1, soFar.Programs.Count - 1);
        // The exporter sends in batches: the dashboard's follow streams say when it has them all, not a sleep.
        await dashboard.WaitForAsync(records, spans, ExectraceSession.Bound);
        Assert.Equal((records, spans), ((await dashboard.GetLogsAsync()).Count, (await dashboard.GetTracesAsync()).Count));

        await dashboard.StopAsync();
        await pause.WriteLineAsync("go");
        return (records, spans);
    }

    private static Uri Endpoint(AspireDashboard dashboard, string protocol) =>
        protocol == "grpc" ? dashboard.OtlpGrpcEndpoint : dashboard.OtlpHttpEndpoint;

    /// <summary>The summary's counts: "lost N exec/exit record(s) and M span(s)", said once.</summary>
    private static (int Records, int Spans) Lost(string errors, Uri endpoint)
    {
        var summary = Assert.Single(Regex.Matches(errors, $@"OTLP export to {Regex.Escape(endpoint.ToString())} lost (?<records>\d+) exec/exit record\(s\) and (?<spans>\d+) span\(s\)"));
        return (int.Parse(summary.Groups["records"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(summary.Groups["spans"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
