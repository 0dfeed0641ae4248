using System.Globalization;
using System.Text;
using Tracing.StormBench.Tracers;

namespace Tracing.StormBench.Results;

/// <summary>The storm table of issue 3: one row per tracer and variant, medians over the runs.</summary>
internal static class MarkdownTable
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Render(IReadOnlyList<RunResult> results, IReadOnlyList<TracerSpec> specs)
    {
        var table = new StringBuilder();
        table.AppendLine("| tool | variant | execs delivered | argv complete | CPU per exec | user / sys per exec | BPF in kernel per exec | latency p50 / p99 | RSS before → after | storm rate | stop |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in results.GroupBy(r => (r.InFlight, r.Tool)).OrderBy(g => g.Key.InFlight))
        {
            var runs = group.ToList();
            var spec = specs.First(s => s.Name == group.Key.Tool);
            var variant = group.Key.InFlight == 1 ? "sequential (K=1)" : $"{group.Key.InFlight} in flight (K={group.Key.InFlight})";
            var latency = runs.All(r => r.LatencyP50Ms is null)
                ? "—"
                : F($"{Statistics.Median(runs.Select(r => r.LatencyP50Ms ?? double.NaN)):0.00} / {Statistics.Median(runs.Select(r => r.LatencyP99Ms ?? double.NaN)):0.00} ms");
            var rss = spec.IsExectrace
                ? F($"{Statistics.Median(runs.Select(r => r.RssBeforeKiB / 1024.0)):0.0} → {Statistics.Median(runs.Select(r => r.RssAfterKiB / 1024.0)):0.0} MB")
                : F($"{Statistics.Median(runs.Select(r => r.RssAfterKiB / 1024.0)):0.0} MB");
            var killed = runs.Count(r => r.Killed);
            var stop = F($"{Statistics.Median(runs.Select(r => r.StopTime.TotalSeconds)):0.00} s") + (killed > 0 ? F($" ({killed} killed)") : string.Empty);
            table.Append(F($"| {TracerCatalog.Label(spec)} | {variant} "))
                .Append(F($"| {Percent(runs.Select(r => r.DeliveredPercent))} | {Percent(runs.Select(r => r.ArgvCompletePercent))} "))
                .Append(F($"| {Statistics.Median(runs.Select(r => r.CpuMicrosecondsPerExec)):0.0} µs | {UserSys(runs)} | {Bpf(runs)} "))
                .Append(F($"| {latency} | {rss} | {Statistics.Median(runs.Select(r => r.ExecsPerSecond)):0}/s | {stop} |"))
                .AppendLine();
        }

        return table.ToString();
    }

    /// <summary>
    /// exectrace's CPU per exec over extrace's default, per variant, JIT and Native AOT builds: issue 14's targets are
    /// text ≤ 0.30 and <c>--json</c> ≤ 0.50. Two figures: the ratio of the medians, and the median of each round's own ratio (both tools traced the
    /// same round back to back, so a slow spell of the machine weighs on both).
    /// </summary>
    public static string RenderRatios(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        foreach (var inFlight in results.Select(r => r.InFlight).Distinct().Order())
        {
            var variant = results.Where(r => r.InFlight == inFlight).ToList();
            double Cpu(string tool) => Statistics.Median(variant.Where(r => r.Tool == tool).Select(r => r.CpuMicrosecondsPerExec));
            var extrace = Cpu("extrace");
            foreach (var tool in new[] { "exectrace-text", "exectrace", "exectrace-aot", "exectrace-aot-json", "exectrace-pipe", "exectrace-otlp", "exectrace-aot-otlp" })
            {
                var ours = Cpu(tool);
                if (double.IsNaN(ours) || double.IsNaN(extrace) || extrace <= 0)
                {
                    continue;
                }

                var paired = variant.Where(r => r.Tool == tool)
                    .Join(variant.Where(r => r.Tool == "extrace" && r.CpuSeconds > 0), r => r.Round, r => r.Round, (a, b) => a.CpuSeconds / b.CpuSeconds)
                    .ToList();
                var target = tool switch
                {
                    "exectrace-text" or "exectrace-aot" => "target ≤ 0.30",
                    "exectrace" or "exectrace-aot-json" => "target ≤ 0.50",
                    "exectrace-otlp" or "exectrace-aot-otlp" => "--json -o file and OTLP export, for comparison",
                    _ => "every detail read, to a pipe, for comparison",
                };
                text.AppendLine(F($"- K={inFlight}: {tool} / extrace CPU per exec = {ours:0.0} / {extrace:0.0} µs = **{ours / extrace:0.00}**; per round {string.Join(", ", paired.Select(r => F($"{r:0.00}")))}, median **{Statistics.Median(paired):0.00}** ({target})"));
            }

            // What saying each exec's container costs: the same mode with attribution off, round by round.
            foreach (var (with, without) in new[] { ("exectrace-text", "exectrace-text-nocontainer"), ("exectrace", "exectrace-nocontainer") })
            {
                var paired = variant.Where(r => r.Tool == with)
                    .Join(variant.Where(r => r.Tool == without && r.CpuSeconds > 0), r => r.Round, r => r.Round, (a, b) => a.CpuSeconds / b.CpuSeconds)
                    .ToList();
                if (paired.Count > 0)
                {
                    text.AppendLine(F($"- K={inFlight}: container attribution, {with} / {without} CPU per exec = {Cpu(with):0.0} / {Cpu(without):0.0} µs = **{Cpu(with) / Cpu(without):0.00}**; per round {string.Join(", ", paired.Select(r => F($"{r:0.00}")))}, median **{Statistics.Median(paired):0.00}** (target ≤ 1.10)"));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Medians of the user and kernel-mode CPU per exec.</summary>
    internal static string UserSys(IReadOnlyList<RunResult> runs)
    {
        var user = Statistics.Median(runs.Select(r => r.UserMicrosecondsPerExec));
        return double.IsNaN(user) ? "—" : F($"{user:0.0} / {Statistics.Median(runs.Select(r => r.SysMicrosecondsPerExec)):0.0} µs");
    }

    /// <summary>
    /// Medians of the eBPF programs' in-kernel time and runs per exec, and of the time per run (the neighbours' events
    /// run the programs too, so runs per exec can exceed the hooks per exec); "—" for a tracer without programs.
    /// </summary>
    internal static string Bpf(IReadOnlyList<RunResult> runs)
    {
        var bpf = Statistics.Median(runs.Select(r => r.BpfMicrosecondsPerExec));
        var perRun = Statistics.Median(runs.Select(r => r.BpfMicrosecondsPerExec / r.BpfRunsPerExec));
        return double.IsNaN(bpf) ? "—" : F($"{bpf:0.00} µs ({Statistics.Median(runs.Select(r => r.BpfRunsPerExec)):0.0} runs, {perRun:0.00} µs each)");
    }

    private static string Percent(IEnumerable<double> values)
    {
        var list = values.ToList();
        var median = Statistics.Median(list);
        return F($"{median:0.00}% (min {list.Min():0.00}%)");
    }

    private static string F(FormattableString text) => text.ToString(s_invariant);
}
