using System.Globalization;
using System.Text;
using Tracing.StormBench.Results;

namespace Tracing.StormBench.Startup;

/// <summary>
/// How long a trace of one short command takes and how much memory it needs: each subject runs once unmeasured (to
/// warm the page cache), then once per round, in turn, so drift in the machine's load spreads over all of them.
/// The last subject is the anchor the ratios are taken against.
/// </summary>
internal static class StartupBench
{
    public const string GnuTime = "/usr/bin/time";

    /// <summary>False, with a message, when GNU time (the peak RSS's source) is missing.</summary>
    public static bool Run(IReadOnlyList<StartupSubject> subjects, int rounds, TextWriter output, TextWriter log)
    {
        if (!File.Exists(GnuTime))
        {
            log.WriteLine($"error: {GnuTime} not found; the start-up section reads peak RSS from GNU time (apt-get install -y time).");
            return false;
        }

        var rssFile = Path.GetTempFileName();
        try
        {
            Measure(subjects, rounds, rssFile, output, log);
        }
        finally
        {
            File.Delete(rssFile);
        }

        return true;
    }

    /// <summary>
    /// One run under GNU time, which forks and execs the program and writes its ru_maxrss: the program's own peak,
    /// or GNU time's forked image (about 1 MB) if that was larger.
    /// </summary>
    private static StartupSample RunOnce(StartupSubject subject, string rssFile)
    {
        var sample = ChildRun.Run([GnuTime, "-f", "%M", "-o", rssFile, .. subject.Command]);
        var kib = double.Parse(File.ReadLines(rssFile).Last(), CultureInfo.InvariantCulture);
        return sample with { PeakRssMiB = kib / 1024 };
    }

    private static void Measure(IReadOnlyList<StartupSubject> subjects, int rounds, string rssFile, TextWriter output, TextWriter log)
    {
        var invariant = CultureInfo.InvariantCulture;
        foreach (var subject in subjects)
        {
            var warmUp = RunOnce(subject, rssFile);
            if (warmUp.ExitCode != 0)
            {
                log.WriteLine($"warning: {string.Join(' ', subject.Command)} exited {warmUp.ExitCode}; its start-up is not what is measured.");
            }
        }

        var samples = subjects.Select(_ => new List<StartupSample>()).ToList();
        var table = new StringBuilder();
        table.Append("| round |");
        foreach (var subject in subjects)
        {
            table.Append(invariant, $" {subject.Label} wall ms | CPU ms | peak RSS MB |");
        }

        table.AppendLine().Append("| ---: |").Append(string.Concat(Enumerable.Repeat(" ---: | ---: | ---: |", subjects.Count))).AppendLine();
        for (var round = 1; round <= rounds; round++)
        {
            table.Append(invariant, $"| {round} |");
            for (var i = 0; i < subjects.Count; i++)
            {
                var sample = RunOnce(subjects[i], rssFile);
                samples[i].Add(sample);
                table.Append(invariant, $" {sample.WallMs:0.0} | {sample.CpuMs:0.0} | {sample.PeakRssMiB:0.0} |");
            }

            table.AppendLine();
        }

        var medians = samples.Select(s => (
            Wall: Statistics.Median(s.Select(x => x.WallMs)),
            Cpu: Statistics.Median(s.Select(x => x.CpuMs)),
            Rss: Statistics.Median(s.Select(x => x.PeakRssMiB)))).ToList();
        table.Append("| **median** |");
        foreach (var (wall, cpu, rss) in medians)
        {
            table.Append(invariant, $" **{wall:0.0}** | **{cpu:0.0}** | **{rss:0.0}** |");
        }

        var anchor = medians[^1];
        table.AppendLine().Append(invariant, $"| × {subjects[^1].Label} |");
        foreach (var (wall, cpu, rss) in medians)
        {
            table.Append(invariant, $" {wall / anchor.Wall:0.0}× | {cpu / anchor.Cpu:0.0}× | {rss / anchor.Rss:0.0}× |");
        }

        output.WriteLine(string.Create(invariant, $"Start-up: {rounds} rounds after one unmeasured run each, the programs in turn, each under GNU time: wall clock from posix_spawn of `time` to its wait4, CPU = user + system of `time` and what it reaped, peak RSS = what `time -f %M` reports (the program's ru_maxrss; about 1 MB is GNU time's own floor, see the /bin/true column); stdout and stderr to /dev/null."));
        output.WriteLine();
        output.WriteLine(table.AppendLine().ToString());
    }
}
