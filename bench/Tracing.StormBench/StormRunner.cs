using System.Diagnostics;
using System.Globalization;
using Tracing.StormBench.Bpf;
using Tracing.StormBench.Otlp;
using Tracing.StormBench.Results;
using Tracing.StormBench.Storm;
using Tracing.StormBench.Tracers;

namespace Tracing.StormBench;

/// <summary>
/// One tracer over one storm: start, wait ready, measure CPU and RSS around the storm, stop, count. A tracer that
/// exports OTLP sends to <paramref name="receiver"/>, whose requests, bytes and own CPU are counted over the same span.
/// </summary>
internal sealed class StormRunner(string workDirectory, TextWriter log, NullOtlpReceiver? receiver = null)
{
    public RunResult? Run(TracerSpec spec, int count, int inFlight, int round)
    {
        var runId = Markers.NewRunId();
        var otlp = spec.ExportsOtlp ? receiver : null;
        var countsAtStart = otlp?.Counts ?? default;
        // On for the whole round, so each program run costs the same clock read from the first to the last.
        using var bpfStats = spec.UsesBpf ? BpfStatsSwitch.Enable(log) : null;
        using var session = TracerSession.Start(spec, workDirectory);
        if (!session.WaitReady(runId))
        {
            log.WriteLine($"  {spec.Name}: did not become ready. stderr: {session.ReadDiagnostics().Trim()}");
            return null;
        }

        if (otlp is not null && !OtlpRound.WaitFirstExport(otlp, countsAtStart, session))
        {
            log.WriteLine($"  {spec.Name}: no OTLP export of the ready probes within 15 s; the export's warm-up is in the figures.");
        }

        var countsBefore = otlp?.Counts ?? default;
        var receiverCpuBefore = otlp?.CpuSeconds() ?? 0;
        var windowStart = MonotonicNs();
        var cpuBefore = session.CpuSeconds();
        var ticksBefore = session.CpuTicks();
        var bpfBefore = bpfStats is null ? null : session.BpfTotals();
        var preciseBefore = session.LiveThreadsCpuSeconds();
        var rssBefore = session.RssKiB();
        var storm = Spawner.Run(runId, count, inFlight);
        session.WaitQuiet();
        var quietCpu = session.LiveThreadsCpuSeconds();
        var quietAt = MonotonicNs();
        if (otlp is not null)
        {
            OtlpRound.WaitExported(session);
        }

        var cpuAfter = session.CpuSeconds();
        var ticksAfter = session.CpuTicks();
        var bpfAfter = bpfBefore is null ? null : session.BpfTotals();
        var windowEnd = MonotonicNs();
        var preciseAfter = session.LiveThreadsCpuSeconds();
        var cpu = CpuUsed(cpuAfter - cpuBefore, preciseAfter - preciseBefore);
        var (userTicks, systemTicks) = (ticksAfter.User - ticksBefore.User, ticksAfter.System - ticksBefore.System);
        BpfRunTotals? bpf = bpfAfter is { } after && bpfBefore is { } before ? after - before : null;
        var rssAfter = session.RssKiB();
        double? receiverCpu = otlp is null ? null : otlp.CpuSeconds() - receiverCpuBefore;
        var countsMeasured = otlp?.Counts ?? default;
        var (stopTime, killed) = session.Stop();
        OtlpCounts? exported = otlp is null ? null : OtlpRound.Settle(otlp) - countsBefore;

        var index = new StormIndex(runId, storm.Pids);
        var outputLines = session.ReadOutput();
        var tally = spec.Parser.Parse(outputLines, index);
        // Whole-machine tracing: the neighbours' execs in the measured window cost too, more so in a longer window.
        int? traced = spec.Parser is ExectraceJsonParser ? ExectraceJsonParser.CountExecs(outputLines, windowStart, windowEnd) : null;
        double? p50 = tally.LatenciesMs.Count > 0 ? Statistics.Percentile(tally.LatenciesMs, 50) : null;
        double? p99 = tally.LatenciesMs.Count > 0 ? Statistics.Percentile(tally.LatenciesMs, 99) : null;
        var result = new RunResult(
            spec.Name, inFlight, count, tally.Delivered, tally.ArgvComplete, cpu, rssBefore, rssAfter,
            p50, p99, storm.ExecsPerSecond, stopTime, killed, tally.ReportedLost, round, exported, receiverCpu, traced, userTicks, systemTicks, bpf);

        var invariant = CultureInfo.InvariantCulture;
        log.WriteLine(
            string.Create(invariant, $"  {spec.Name,-15} K={inFlight} delivered {result.DeliveredPercent,7:0.00}% argv {result.ArgvCompletePercent,7:0.00}% " +
            $"cpu {result.CpuMicrosecondsPerExec,5:0.0} µs/exec (ticks {(cpuAfter - cpuBefore) * 1e6 / count:0})  storm {storm.ExecsPerSecond,5:0}/s stop {stopTime.TotalSeconds:0.00}s") +
            string.Create(invariant, $" user {result.UserMicrosecondsPerExec:0.0} sys {result.SysMicrosecondsPerExec:0.0} µs/exec (ticks {userTicks:0}+{systemTicks:0})") +
            (bpf is { } ran ? string.Create(invariant, $" bpf {result.BpfMicrosecondsPerExec:0.00} µs/exec ({ran.Programs} programs, {result.BpfRunsPerExec:0.00} runs/exec)") : string.Empty) +
            (p50 is null ? string.Empty : string.Create(invariant, $" latency p50 {p50:0.00} p99 {p99:0.00} ms")) +
            (traced is { } all ? string.Create(invariant, $" window {(windowEnd - windowStart) / 1e9:0.0}s execs {all} ({all - count:+0;-0} not the storm's)") : string.Empty) +
            (spec.IsExectrace ? string.Create(invariant, $" rss {rssBefore / 1024.0:0.0}→{rssAfter / 1024.0:0.0} MB") : string.Empty) +
            (tally.ReportedLost > 0 ? $" LOST {tally.ReportedLost}" : string.Empty) +
            (killed ? " KILLED" : string.Empty));
        if (spec.UsesBpf && bpf is not { Programs: > 0 })
        {
            log.WriteLine($"    no in-kernel BPF time: {(bpfStats is null ? "kernel.bpf_stats_enabled could not be set" : "no anon_inode:bpf-prog fd found in the tracer")}");
        }

        if (tally.Delivered < count)
        {
            log.WriteLine($"    missing (first 10 of {count - tally.Delivered}): {string.Join(' ', tally.Missing(index).Take(10))}");
        }

        if (spec.IsExectrace && tally.IncompleteSamples.Count > 0)
        {
            log.WriteLine($"    without whole argv (first {tally.IncompleteSamples.Count}): {string.Join(" | ", tally.IncompleteSamples)}");
        }

        var diagnostics = session.ReadDiagnostics().Trim();
        if (exported is { } counts)
        {
            OtlpRound.Report(log, result, counts, countsMeasured - countsBefore, diagnostics);
            log.WriteLine(string.Create(invariant,
                $"    otlp: of the cpu, {(quietCpu - preciseBefore) * 1e6 / count:0.0} µs/exec until quiet, {(preciseAfter - quietCpu) * 1e6 / count:0.0} µs/exec in the {(windowEnd - quietAt) / 1e9:0.0} s after (the export's last tick, idle, neighbours)"));
        }

        if (diagnostics.Length > 0)
        {
            var lines = diagnostics.Split('\n');
            log.WriteLine($"    stderr ({lines.Length} lines): {string.Join(" | ", lines.Take(3))}");
        }

        return result;
    }

    /// <summary>CLOCK_MONOTONIC in nanoseconds (Stopwatch's clock on Linux), the clock of exectrace's timestamp_ns.</summary>
    private static long MonotonicNs() => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    /// <summary>
    /// The CPU time a storm cost: the threads' nanosecond counters (a 3,000-exec storm at 30 µs each is only nine
    /// 10 ms ticks, so tick counts are ±10% coarse), unless the tick count is clearly higher: a thread that ended
    /// during the storm took its nanoseconds with it, and only the ticks still count them.
    /// </summary>
    private static double CpuUsed(double ticksSeconds, double liveThreadsSeconds)
    {
        const double TwoTicks = 0.02;
        return double.IsNaN(liveThreadsSeconds) || ticksSeconds - liveThreadsSeconds > TwoTicks ? ticksSeconds : liveThreadsSeconds;
    }
}
