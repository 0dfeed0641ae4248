using System.Text;

namespace Tracing.Interop.Linux.ProcFs;

/// <summary>
/// Parses <c>/proc/PID/cgroup</c>: one <c>hierarchy-id:controllers:path</c> line per hierarchy,
/// <c>0::/path</c> for cgroup v2 (cgroups(7)).
/// </summary>
public static class ProcCgroupParser
{
    /// <summary>Parses the path of every hierarchy, in the kernel's order.</summary>
    /// <returns>False when a line does not have the <c>id:controllers:path</c> shape.</returns>
    public static bool TryParse(ReadOnlySpan<byte> content, out string[] paths)
    {
        // Count first, so the only allocations are the result and its strings.
        var count = 0;
        foreach (var line in new LineEnumerator(content))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            if (!TryGetPath(line, out _))
            {
                paths = [];
                return false;
            }

            count++;
        }

        paths = count == 0 ? [] : new string[count];
        var index = 0;
        foreach (var line in new LineEnumerator(content))
        {
            if (TryGetPath(line, out var path))
            {
                paths[index++] = Encoding.UTF8.GetString(path);
            }
        }

        return true;
    }

    // Only the first two colons separate: a cgroup's name may itself contain ':'.
    private static bool TryGetPath(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> path)
    {
        path = default;
        var first = line.IndexOf((byte)':');
        if (first <= 0 || line[..first].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        var second = line[(first + 1)..].IndexOf((byte)':');
        if (second < 0)
        {
            return false;
        }

        path = line[(first + 1 + second + 1)..];
        return !path.IsEmpty;
    }
}
