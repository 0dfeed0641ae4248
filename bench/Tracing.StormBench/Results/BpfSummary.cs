using System.Globalization;
using System.Text;

namespace Tracing.StormBench.Results;

/// <summary>
/// Issue 17's figures: the eBPF rows' CPU per exec over extrace's in the same run (target ≤ 0.15 for "user CPU": the
/// tracer process's own, user and kernel mode, as the prototype figures were, the programs' in-kernel time
/// beside it; the user-mode share alone as well), and every round of every row, since the issue asks for each round.
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
            var extrace = Median("extrace", r => r.CpuMicrosecondsPerExec);
            var extraceUser = Median("extrace", r => r.UserMicrosecondsPerExec);
            foreach (var tool in Tools.Where(t => variant.Any(r => r.Tool == t)))
            {
                var target = tool == "bpftrace" ? "the eBPF anchor" : "target ≤ 0.15";
                var cpu = Median(tool, r => r.CpuMicrosecondsPerExec);
                var bpf = variant.Where(r => r.Tool == tool).Select(r => r.BpfMicrosecondsPerExec).ToList();
                var withBpf = PerRound(variant, tool, r => r.CpuMicrosecondsPerExec + r.BpfMicrosecondsPerExec, r => r.CpuMicrosecondsPerExec);
                var user = Median(tool, r => r.UserMicrosecondsPerExec);
                var userRounds = PerRound(variant, tool, r => r.UserMicrosecondsPerExec, r => r.UserMicrosecondsPerExec);
                var userRatio = extraceUser > 0
                    ? F($"{user:0.0} / {extraceUser:0.0} µs = **{user / extraceUser:0.00}**, per round {Join(userRounds)}")
                    : F($"{user:0.0} µs, extrace's under a tick in every round (no ratio)");
                if (double.IsNaN(extrace))
                {
                    text.AppendLine(F($"- K={inFlight}: {tool}: CPU per exec {cpu:0.0} µs (no extrace row in this run, no ratio), in-kernel BPF **{Statistics.Median(bpf):0.00} µs** per exec beside it (rounds {Join(bpf)})"));
                    continue;
                }

                text.AppendLine(F($"- K={inFlight}: {tool} / extrace, the tracer process's CPU per exec (user + sys) = {cpu:0.0} / {extrace:0.0} µs = **{cpu / extrace:0.00}**; per round {Join(PerRound(variant, tool, r => r.CpuMicrosecondsPerExec, r => r.CpuMicrosecondsPerExec))} ({target}); ") +
                    F($"in-kernel BPF **{Statistics.Median(bpf):0.00} µs** per exec beside it (rounds {Join(bpf)}), process + BPF over extrace per round {Join(withBpf)}; user mode alone {userRatio}"));
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
        table.AppendLine("| tool | K | round | argv complete | CPU per exec | × extrace | user / sys per exec (ticks) | BPF in kernel per exec | latency p50 / p99 |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results.OrderBy(r => r.InFlight).ThenBy(r => r.Round))
        {
            var extrace = results.FirstOrDefault(r => r.Tool == "extrace" && r.InFlight == result.InFlight && r.Round == result.Round);
            var ratio = extrace is null || result.Tool == "extrace" ? "—" : F($"{result.CpuMicrosecondsPerExec / extrace.CpuMicrosecondsPerExec:0.00}");
            var latency = result.LatencyP50Ms is null ? "—" : F($"{result.LatencyP50Ms:0.00} / {result.LatencyP99Ms:0.00} ms");
            table.AppendLine(F($"| {result.Tool} | {result.InFlight} | {result.Round} | {result.ArgvCompletePercent:0.00}% | {result.CpuMicrosecondsPerExec:0.0} µs | {ratio} | {MarkdownTable.UserSys([result])} ({result.UserTicks:0}+{result.SystemTicks:0}) | {MarkdownTable.Bpf([result])} | {latency} |"));
        }

        return table.ToString();
    }

    /// <summary>The tool's <paramref name="ours"/> over extrace's <paramref name="theirs"/>, round by round (both traced the same round back to back).</summary>
    private static List<double> PerRound(List<RunResult> variant, string tool, Func<RunResult, double> ours, Func<RunResult, double> theirs) =>
        [.. variant.Where(r => r.Tool == tool)
            .Join(variant.Where(r => r.Tool == "extrace" && theirs(r) > 0), r => r.Round, r => r.Round, (a, b) => ours(a) / theirs(b))];

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => F($"{v:0.00}")));

    private static string F(FormattableString text) => text.ToString(s_invariant);
}
