using System.Globalization;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>
/// The kernel's own word on a netlink socket of this process: its inode (from /proc/self/fd) and the datagrams the
/// kernel dropped for it (the Drops column of /proc/net/netlink), read without the tracer's code.
/// </summary>
internal static class KernelSocketDrops
{
    private const int NetlinkConnector = 11;

    /// <summary>The inodes of this process's NETLINK_CONNECTOR sockets.</summary>
    public static HashSet<ulong> ConnectorSockets()
    {
        var ours = new HashSet<ulong>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            var target = TryReadLink(fd);
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                ours.Add(ulong.Parse(target.AsSpan(8, target.Length - 9), CultureInfo.InvariantCulture));
            }
        }

        ours.IntersectWith(Rows().Where(r => r.Protocol == NetlinkConnector).Select(r => r.Inode));
        return ours;
    }

    /// <summary>The kernel's drop count of the socket with this inode; fails when it is not open.</summary>
    public static long Of(ulong inode) => Rows().Single(r => r.Inode == inode).Drops;

    private static IEnumerable<(int Protocol, long Drops, ulong Inode)> Rows()
    {
        // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
        foreach (var line in File.ReadAllLines("/proc/net/netlink").Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            yield return (
                int.Parse(columns[1], CultureInfo.InvariantCulture),
                long.Parse(columns[8], CultureInfo.InvariantCulture),
                ulong.Parse(columns[9], CultureInfo.InvariantCulture));
        }
    }

    private static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            // A descriptor closed since the listing: not a socket of the source.
            return null;
        }
    }
}
