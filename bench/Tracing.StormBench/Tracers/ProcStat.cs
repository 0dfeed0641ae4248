using System.Globalization;

namespace Tracing.StormBench.Tracers;

/// <summary>A tracer's CPU time and resident memory from /proc; false when the process is gone.</summary>
internal static class ProcStat
{
    private static readonly long s_ticksPerSecond = Interop.Libc.ClockTicksPerSecond();

    /// <summary>utime + stime of all the process's threads, live and ended, in seconds.</summary>
    public static bool TryReadCpuSeconds(int pid, out double seconds)
    {
        var read = TryReadCpuTicks(pid, out var user, out var system);
        seconds = read ? (double)(user + system) / s_ticksPerSecond : 0;
        return read;
    }

    /// <summary>
    /// utime and stime of all the process's threads, live and ended, in clock ticks (<c>sysconf(_SC_CLK_TCK)</c>): the
    /// kernel's split of its time between user and kernel mode, sampled at its timer tick and scaled to the exact total.
    /// </summary>
    public static bool TryReadCpuTicks(int pid, out long user, out long system)
    {
        user = system = 0;
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // comm may hold spaces and ')': the fields start after the last ')'. Field 3 (state) comes first.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const int UtimeIndex = 14 - 3;
        return fields.Length > UtimeIndex + 1
            && long.TryParse(fields[UtimeIndex], CultureInfo.InvariantCulture, out user)
            && long.TryParse(fields[UtimeIndex + 1], CultureInfo.InvariantCulture, out system);
    }

    /// <summary>
    /// Time on CPU of the process's live threads, in seconds, from each thread's <c>/proc/PID/task/TID/schedstat</c>
    /// (nanoseconds, where <c>stat</c> counts 10 ms ticks). A thread that ended is not counted: compare with
    /// <see cref="TryReadCpuSeconds"/>, which counts it.
    /// </summary>
    public static bool TryReadLiveThreadsCpuSeconds(int pid, out double seconds)
    {
        seconds = 0;
        long total = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                string schedstat;
                try
                {
                    schedstat = File.ReadAllText(Path.Combine(task, "schedstat"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // That thread ended between listing and reading.
                }

                var end = schedstat.IndexOf(' ', StringComparison.Ordinal);
                if (end <= 0 || !long.TryParse(schedstat.AsSpan(0, end), CultureInfo.InvariantCulture, out var ns))
                {
                    return false;
                }

                total += ns;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        seconds = total / 1e9;
        return true;
    }

    /// <summary>VmRSS in KiB.</summary>
    public static bool TryReadRssKiB(int pid, out long kib)
    {
        kib = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture, out kib);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return false;
    }

    public static string? TryReadComm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
