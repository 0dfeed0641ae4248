using System.Globalization;

namespace Tracing.StormBench.Bpf;

/// <summary>
/// What the kernel counted for one process's eBPF programs, summed over the program fds it holds: the
/// <c>run_time_ns</c> and <c>run_cnt</c> lines of <c>/proc/PID/fdinfo/FD</c> for each fd that is an
/// <c>anon_inode:bpf-prog</c>. Both stay 0 unless <c>kernel.bpf_stats_enabled</c> is 1 (<see cref="BpfStatsSwitch"/>).
/// The programs run in the context of the process that hit the hook (the storm's, not the tracer's), so their time is
/// in nobody's CPU figure but this one.
/// </summary>
/// <param name="RunTimeNs">Time spent in the programs, summed over runs and programs.</param>
/// <param name="RunCount">How many times they ran, summed over programs.</param>
/// <param name="Programs">How many program fds were read.</param>
internal readonly record struct BpfRunTotals(long RunTimeNs, long RunCount, int Programs)
{
    public static BpfRunTotals operator -(BpfRunTotals after, BpfRunTotals before) =>
        new(after.RunTimeNs - before.RunTimeNs, after.RunCount - before.RunCount, after.Programs);

    /// <summary>The totals of <paramref name="pid"/>'s program fds; false when the process is gone.</summary>
    public static bool TryRead(int pid, out BpfRunTotals totals)
    {
        totals = default;
        IEnumerable<string> fds;
        try
        {
            fds = [.. Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        long runTime = 0, runCount = 0;
        var programs = 0;
        foreach (var fd in fds)
        {
            if (TryReadProgram(pid, fd, out var ns, out var count))
            {
                runTime += ns;
                runCount += count;
                programs++;
            }
        }

        totals = new BpfRunTotals(runTime, runCount, programs);
        return true;
    }

    /// <summary>One fd's counters; false when it is no program (or closed since the listing).</summary>
    private static bool TryReadProgram(int pid, string fdPath, out long runTimeNs, out long runCount)
    {
        runTimeNs = runCount = 0;
        try
        {
            if (new FileInfo(fdPath).LinkTarget != "anon_inode:bpf-prog")
            {
                return false;
            }

            var seen = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/fdinfo/{Path.GetFileName(fdPath)}"))
            {
                if (TryField(line, "run_time_ns:", ref runTimeNs) || TryField(line, "run_cnt:", ref runCount))
                {
                    seen++;
                }
            }

            return seen == 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool TryField(string line, string name, ref long value) =>
        line.StartsWith(name, StringComparison.Ordinal)
        && long.TryParse(line.AsSpan(name.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
