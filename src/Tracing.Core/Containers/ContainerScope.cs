using Tracing.Ports;

namespace Tracing.Containers;

/// <summary>Whether a process is in a container: in its cgroup or below it.</summary>
internal static class ContainerScope
{
    /// <summary>
    /// True when one of the process's cgroups is the container's, or below it: a sub-cgroup, or a container nested in
    /// it. An engine's helper cgroups that carry the id (podman's <c>libpod-conmon-&lt;id&gt;</c>) are not the container.
    /// </summary>
    public static bool IsWithin(IReadOnlyList<CgroupMembership> memberships, string containerId)
    {
        foreach (var membership in memberships)
        {
            if (IsWithin(membership.Path, containerId))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWithin(string path, string containerId)
    {
        var from = 0;
        while (from < path.Length)
        {
            var at = path.IndexOf(containerId, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            // The path up to the end of the component holding the id must name this container.
            var end = path.IndexOf('/', at + containerId.Length);
            var upTo = end < 0 ? path.AsSpan() : path.AsSpan(0, end);
            if (ContainerCgroupPath.TryParse(upTo, out var id, out _) && id == containerId)
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
