using System.Globalization;

namespace Tracing.Linux.Bpf.Maps;

/// <summary>
/// How many CPUs the kernel could ever bring online (<c>/sys/devices/system/cpu/possible</c>, e.g. "0-3" or "0,2-5"):
/// a per-CPU map holds that many values, and a lookup writes them all.
/// </summary>
internal static class PossibleCpus
{
    private static readonly Lazy<int> s_count = new(() => Parse(File.ReadAllText("/sys/devices/system/cpu/possible")));

    /// <summary>The count, read once.</summary>
    public static int Count => s_count.Value;

    /// <summary>The count a CPU list names: one more than its highest CPU, as the kernel sizes per-CPU values.</summary>
    /// <exception cref="FormatException">The text is no CPU list.</exception>
    public static int Parse(string list)
    {
        var highest = -1;
        foreach (var range in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var last = dash < 0 ? range : range[(dash + 1)..];
            highest = Math.Max(highest, int.Parse(last, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        return highest < 0 ? throw new FormatException($"'{list}' names no CPU.") : highest + 1;
    }
}
