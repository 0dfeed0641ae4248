using System.Globalization;
using System.Text;

namespace Tracing.StormBench.Results;

/// <summary>
/// Issue 16's figures: the OTLP export's cost, exectrace with <c>--otlp</c> over the same build writing
/// <c>--json -o file</c> alone in the same run, round by round; the volume it sends per exec; and the null receiver's
/// own CPU, which the tracer's figures do not include.
/// </summary>
internal static class OtlpSummary
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Render(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        foreach (var inFlight in results.Select(r => r.InFlight).Distinct().Order())
        {
            var variant = results.Where(r => r.InFlight == inFlight).ToList();
            double Median(string tool, Func<RunResult, double> value) => Statistics.Median(variant.Where(r => r.Tool == tool).Select(value));
            foreach (var (with, without) in new[] { ("exectrace-otlp", "exectrace"), ("exectrace-aot-otlp", "exectrace-aot-json") })
            {
                if (!variant.Any(r => r.Tool == with))
                {
                    continue;
                }

                var paired = variant.Where(r => r.Tool == with)
                    .Join(variant.Where(r => r.Tool == without && r.CpuSeconds > 0), r => r.Round, r => r.Round, (a, b) => a.CpuSeconds / b.CpuSeconds)
                    .ToList();
                var ours = Median(with, r => r.CpuMicrosecondsPerExec);
                var plain = Median(without, r => r.CpuMicrosecondsPerExec);
                if (paired.Count > 0)
                {
                    text.AppendLine(F($"- K={inFlight}: OTLP export, {with} / {without} CPU per exec = {ours:0.0} / {plain:0.0} µs = **{ours / plain:0.00}** (+{ours - plain:0.0} µs); per round {string.Join(", ", paired.Select(r => F($"{r:0.00}")))}, median **{Statistics.Median(paired):0.00}**"));
                }

                var perTraced = variant.Where(r => r.Tool == with)
                    .Join(variant.Where(r => r.Tool == without && r.CpuMicrosecondsPerTracedExec > 0), r => r.Round, r => r.Round, (a, b) => a.CpuMicrosecondsPerTracedExec / b.CpuMicrosecondsPerTracedExec)
                    .ToList();
                if (perTraced.Count > 0)
                {
                    // The -otlp rows' window is ~5 s longer (the export's last tick), so more of the neighbours' execs fall in it.
                    text.AppendLine(F($"- K={inFlight}: per exec traced in the window (the storm's and the neighbours'), {with} / {without} = {Median(with, r => r.CpuMicrosecondsPerTracedExec):0.0} / {Median(without, r => r.CpuMicrosecondsPerTracedExec):0.0} µs, per round {string.Join(", ", perTraced.Select(r => F($"{r:0.00}")))}, median **{Statistics.Median(perTraced):0.00}**; execs not the storm's in the window: {Median(with, r => (r.ExecsTraced ?? double.NaN) - r.Count):0} / {Median(without, r => (r.ExecsTraced ?? double.NaN) - r.Count):0}"));
                }

                var bytes = variant.Where(r => r.Tool == with).Select(r => r.OtlpBytesPerExec).ToList();
                var logs = Median(with, r => r.Otlp is { } o ? (double)o.LogBytes / r.Count : double.NaN);
                var spans = Median(with, r => r.Otlp is { } o ? (double)o.TraceBytes / r.Count : double.NaN);
                var receiver = Median(with, r => r.ReceiverMicrosecondsPerExec);
                var rate = Median(with, r => r.ExecsPerSecond);
                text.AppendLine(F($"- K={inFlight}: {with} sent **{Statistics.Median(bytes):0} B per exec** (OTLP/HTTP protobuf bodies: exec + exit records {logs:0} B, span {spans:0} B; runs {string.Join(", ", bytes.Select(b => F($"{b:0}")))}), at {rate:0} execs/s ≈ {Statistics.Median(bytes) * rate / 1024:0} KiB/s; the null receiver's own CPU {receiver:0.00} µs per exec (not in the tracer's figure)"));
            }
        }

        return text.ToString();
    }

    private static string F(FormattableString text) => text.ToString(s_invariant);
}
