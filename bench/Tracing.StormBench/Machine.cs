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
}
