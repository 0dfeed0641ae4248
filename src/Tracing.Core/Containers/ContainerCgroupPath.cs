using System.Diagnostics.CodeAnalysis;
using Tracing.Ports;

namespace Tracing.Containers;

/// <summary>
/// Which container a cgroup path belongs to, by the shapes the major engines and cgroup drivers give their containers'
/// cgroups (v1 and v2, cgroupfs and systemd): docker, podman, containerd and CRI-O under Kubernetes.
/// </summary>
internal static class ContainerCgroupPath
{
    /// <summary>
    /// The container of a cgroup path such as <c>/system.slice/docker-&lt;id&gt;.scope</c>: the innermost path component
    /// that names one (a process in a container nested in another belongs to the inner one). False for a host cgroup,
    /// and for an engine's own helper cgroups (podman's <c>libpod-conmon-&lt;id&gt;</c>, CRI-O's <c>crio-conmon-&lt;id&gt;</c>).
    /// </summary>
    /// <param name="path">The path as <c>/proc/PID/cgroup</c> gives it.</param>
    /// <param name="id">The container's id, 64 lowercase hex digits.</param>
    /// <param name="engine">The engine the shape names (see <see cref="Events.ContainerInfo.Engine"/>).</param>
    public static bool TryParse(ReadOnlySpan<char> path, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? engine)
    {
        throw new NotImplementedException();
    }

    /// <summary>The container of a process, from its cgroups: the first membership whose path names one.</summary>
    public static bool TryFind(IReadOnlyList<CgroupMembership> memberships, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? engine)
    {
        foreach (var membership in memberships)
        {
            if (TryParse(membership.Path, out id, out engine))
            {
                return true;
            }
        }

        id = null;
        engine = null;
        return false;
    }
}
