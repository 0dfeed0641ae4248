using System.Globalization;
using Tracing.StormBench.Storm;
using Tracing.StormBench.Tracers;

namespace Tracing.StormBench;

/// <summary>A long storm under exectrace, sampling its RSS every 10,000 execs to show memory stays flat.</summary>
internal static class LongRun
{
    private const int SampleEvery = 10_000;

    public static void Run(TracerSpec exectrace, int count, string workDirectory, TextWriter output, TextWriter log)
    {
        var runId = Markers.NewRunId();
        using var session = TracerSession.Start(exectrace, workDirectory);
        if (!session.WaitReady(runId))
        {
            log.WriteLine($"exectrace did not become ready: {session.ReadDiagnostics().Trim()}");
            return;
        }

        var samples = new List<(int Execs, long RssKiB, double CpuSeconds)> { (0, session.RssKiB(), session.CpuSeconds()) };
        var cpuBefore = samples[0].CpuSeconds;
        var storm = Spawner.Run(runId, count, 2, SampleEvery, started => samples.Add((started, session.RssKiB(), session.CpuSeconds())));
        session.WaitQuiet();
        var cpuAfter = session.CpuSeconds();
        samples.Add((-1, session.RssKiB(), cpuAfter));
        var (stopTime, _) = session.Stop();
        var tally = exectrace.Parser.Parse(session.ReadOutput(), new StormIndex(runId, storm.Pids));

        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"### Long run: {count:N0} execs, 2 in flight, {TracerCatalog.Label(exectrace)}"));
        output.WriteLine();
        output.WriteLine("| execs started | exectrace VmRSS | CPU per exec since the previous sample |");
        output.WriteLine("|---|---|---|");
        for (var i = 0; i < samples.Count; i++)
        {
            var (execs, rss, cpu) = samples[i];
            var label = execs < 0 ? "after, quiet" : execs.ToString("N0", invariant);
            var previous = i > 0 ? samples[i - 1] : default;
            var interval = i == 0 ? "—"
                : execs < 0 ? string.Create(invariant, $"{(cpu - previous.CpuSeconds) * 1e3:0} ms in all, draining")
                : string.Create(invariant, $"{(cpu - previous.CpuSeconds) * 1e6 / (execs - previous.Execs):0} µs");
            output.WriteLine(string.Create(invariant, $"| {label} | {rss / 1024.0:0.0} MB | {interval} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(invariant,
            $"Delivered {100.0 * tally.Delivered / count:0.000}%, argv complete {100.0 * tally.ArgvComplete / count:0.000}%, " +
            $"CPU {(cpuAfter - cpuBefore) * 1e6 / count:0} µs per exec, storm {storm.ExecsPerSecond:0} execs/s, " +
            $"lost (reported) {tally.ReportedLost}, stop {stopTime.TotalSeconds:0.00} s."));
        output.WriteLine();
    }
}
