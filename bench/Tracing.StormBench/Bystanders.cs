using System.Globalization;

namespace Tracing.StormBench;

/// <summary>
/// Other processes listening to the proc connector. Every listener wakes on every event of the storm, so a forgotten
/// tracer (or a debugger on one) slows the storm and the tracer measured, and skews the table: checked before each round.
/// </summary>
internal static class Bystanders
{
    private const int NetlinkConnector = 11;

    /// <summary>"pid (comm)" of each process, other than this one, holding a socket subscribed to the proc connector group.</summary>
    public static IReadOnlyList<string> ProcConnectorListeners()
    {
        var inodes = ListenerSocketInodes();
        if (inodes.Count == 0)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal)
                        && ulong.TryParse(target.AsSpan(8, target.Length - 9), CultureInfo.InvariantCulture, out var inode)
                        && inodes.Contains(inode))
                    {
                        found.Add($"{pid} ({File.ReadAllText(Path.Combine(directory, "comm")).TrimEnd('\n')})");
                        break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone, or not ours to look at.
            }
        }

        return found;
    }

    // /proc/net/netlink: sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode; Eth is the protocol, Groups a hex mask.
    private static HashSet<ulong> ListenerSocketInodes()
    {
        var inodes = new HashSet<ulong>();
        foreach (var line in File.ReadLines("/proc/net/netlink").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 10
                && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var protocol) && protocol == NetlinkConnector
                && ulong.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var groups) && (groups & 1) != 0
                && ulong.TryParse(fields[9], CultureInfo.InvariantCulture, out var inode))
            {
                inodes.Add(inode);
            }
        }

        return inodes;
    }
}
