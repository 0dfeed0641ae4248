using System.Globalization;
using System.Text;

namespace Tracing.StormBench.Results;

/// <summary>
/// Issue 17's figures: user CPU per exec of the eBPF rows over extrace's in the same run (target ≤ 0.15), with the
/// programs' in-kernel time beside it, and every round of every row, since the issue asks for each round.
/// </summary>
internal static class BpfSummary
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>The rows whose tracer loads eBPF programs, in the order they are summarized.</summary>
    public static readonly string[] Tools = ["exectrace-text-bpf", "exectrace-bpf", "exectrace-aot-bpf", "exectrace-aot-json-bpf", "exectrace-pipe-bpf", "bpftrace"];

    public static string Render(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        foreach (var inFlight in results.Select(r => r.InFlight).Distinct().Order())
        {
            var variant = results.Where(r => r.InFlight == inFlight).ToList();
            double Median(string tool, Func<RunResult, double> value) => Statistics.Median(variant.Where(r => r.Tool == tool).Select(value));
            var extrace = Median("extrace", r => r.UserMicrosecondsPerExec);
            foreach (var tool in Tools.Where(t => variant.Any(r => r.Tool == t)))
            {
                var ours = Median(tool, r => r.UserMicrosecondsPerExec);
                var paired = PerRound(variant, tool, r => r.UserMicrosecondsPerExec);
                var bpf = variant.Where(r => r.Tool == tool).Select(r => r.BpfMicrosecondsPerExec).ToList();
                var target = tool == "bpftrace" ? "the eBPF anchor" : "target ≤ 0.15";
                text.AppendLine(F($"- K={inFlight}: {tool} / extrace **user** CPU per exec = {ours:0.0} / {extrace:0.0} µs = **{ours / extrace:0.00}**; per round {Join(paired)}, median **{Statistics.Median(paired):0.00}** ({target}); sys {Median(tool, r => r.SysMicrosecondsPerExec):0.0} µs; in-kernel BPF **{Statistics.Median(bpf):0.00} µs** per exec (rounds {Join(bpf)})"));
            }
        }

        if (results.Any(r => r.Bpf is not null))
        {
            text.AppendLine().Append(RenderRounds(results));
        }

        return text.ToString();
    }

    /// <summary>Each round of each row: the figures the issue asks for, with user CPU over extrace's in that round.</summary>
    private static string RenderRounds(IReadOnlyList<RunResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| tool | K | round | argv complete | user / sys per exec | × extrace user | BPF in kernel per exec | latency p50 / p99 |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var result in results.OrderBy(r => r.InFlight).ThenBy(r => r.Round))
        {
            var extrace = results.FirstOrDefault(r => r.Tool == "extrace" && r.InFlight == result.InFlight && r.Round == result.Round);
            var ratio = extrace is null || result.Tool == "extrace" ? "—" : F($"{result.UserMicrosecondsPerExec / extrace.UserMicrosecondsPerExec:0.00}");
            var latency = result.LatencyP50Ms is null ? "—" : F($"{result.LatencyP50Ms:0.00} / {result.LatencyP99Ms:0.00} ms");
            table.AppendLine(F($"| {result.Tool} | {result.InFlight} | {result.Round} | {result.ArgvCompletePercent:0.00}% | {MarkdownTable.UserSys([result])} | {ratio} | {MarkdownTable.Bpf([result])} | {latency} |"));
        }

        return table.ToString();
    }

    /// <summary>The tool's value over extrace's, round by round (both traced the same round back to back).</summary>
    private static List<double> PerRound(List<RunResult> variant, string tool, Func<RunResult, double> value) =>
        [.. variant.Where(r => r.Tool == tool)
            .Join(variant.Where(r => r.Tool == "extrace" && value(r) > 0), r => r.Round, r => r.Round, (a, b) => value(a) / value(b))];

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => F($"{v:0.00}")));

    private static string F(FormattableString text) => text.ToString(s_invariant);
}
