using System.Globalization;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>This process's real and effective user ids, from /proc/self/status: a traced child it starts has them.</summary>
internal static class UserIds
{
    private static readonly uint[] s_uids = File.ReadLines("/proc/self/status")
        .Single(l => l.StartsWith("Uid:", StringComparison.Ordinal))["Uid:".Length..]
        .Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(u => uint.Parse(u, CultureInfo.InvariantCulture)).ToArray();

    public static uint Real => s_uids[0];

    public static uint Effective => s_uids[1];
}
