using System.Text;
using Tracing.Ports;

namespace Tracing.Linux.ProcFs;

/// <summary>
/// Parses <c>/proc/PID/cgroup</c>: one <c>hierarchy-id:controllers:path</c> line per hierarchy,
/// <c>0::/path</c> for cgroup v2 (cgroups(7)).
/// </summary>
internal static class ProcCgroupParser
{
    /// <summary>Parses every hierarchy's line, in the kernel's order.</summary>
    /// <returns>False when a line does not have the <c>id:controllers:path</c> shape.</returns>
    public static bool TryParse(ReadOnlySpan<byte> content, out CgroupMembership[] memberships)
    {
        // Count first, so the only allocations are the result and its strings.
        var count = 0;
        foreach (var line in new LineEnumerator(content))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            if (!TrySplit(line, out _, out _))
            {
                memberships = [];
                return false;
            }

            count++;
        }

        memberships = count == 0 ? [] : new CgroupMembership[count];
        var index = 0;
        foreach (var line in new LineEnumerator(content))
        {
            if (TrySplit(line, out var controllers, out var path))
            {
                memberships[index++] = new CgroupMembership(
                    controllers.IsEmpty ? string.Empty : Encoding.UTF8.GetString(controllers),
                    Encoding.UTF8.GetString(path));
            }
        }

        return true;
    }

    // Only the first two colons separate: a cgroup's name may itself contain ':'.
    private static bool TrySplit(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> controllers, out ReadOnlySpan<byte> path)
    {
        controllers = default;
        path = default;
        var first = line.IndexOf((byte)':');
        if (first <= 0 || line[..first].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        var rest = line[(first + 1)..];
        var second = rest.IndexOf((byte)':');
        if (second < 0)
        {
            return false;
        }

        controllers = rest[..second];
        path = rest[(second + 1)..];
        return !path.IsEmpty;
    }
}
