using System.Runtime.InteropServices;

namespace Tracing.StormBench;

internal static class Machine
{
    /// <summary>Cores, CPU model and kernel, as in docs/performance.md.</summary>
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        return $"{Environment.ProcessorCount} cores, {model}, Linux {kernel}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>True when /dev/null is the null device: what is written to it is gone.</summary>
    public static bool DevNullDiscards()
    {
        using (var devNull = new FileStream("/dev/null", FileMode.Append, FileAccess.Write))
        {
            devNull.WriteByte((byte)'x');
        }

        return new FileInfo("/dev/null").Length == 0;
    }

    /// <summary>
    /// How many processes stand between a storm process and pid 1, the harness included: extrace reads
    /// <c>/proc/PID/stat</c> for each of them on every exec it prints, so its cost grows with this depth.
    /// </summary>
    public static int StormDepth()
    {
        var depth = 0;
        var pid = Environment.ProcessId;
        while (pid > 1 && depth < 1000)
        {
            depth++;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ppid ...": the comm may hold spaces and parentheses, so parse after its last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            pid = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return depth;
    }
}
