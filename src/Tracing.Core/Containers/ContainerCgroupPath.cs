using System.Diagnostics.CodeAnalysis;
using Tracing.Ports;

namespace Tracing.Containers;

/// <summary>
/// Which container a cgroup path belongs to, by the shapes the major engines and cgroup drivers give their containers'
/// cgroups (v1 and v2, cgroupfs and systemd): docker, podman, containerd and CRI-O under Kubernetes.
/// </summary>
/// <remarks>
/// The shapes, and where each comes from, are listed in <c>tests/fixtures/containers/README.md</c>;
/// <see cref="ContainerCgroupName"/> says which component names a container.
/// </remarks>
internal static class ContainerCgroupPath
{
    // cgroup v2 appends this to the path of a cgroup removed while a zombie was still in it (proc_cgroup_show).
    private const string DeletedSuffix = " (deleted)";

    /// <summary>
    /// The container of a cgroup path such as <c>/system.slice/docker-&lt;id&gt;.scope</c>: the innermost path component
    /// that names one (a process in a container nested in another belongs to the inner one). False for a host cgroup,
    /// and for an engine's own helper cgroups (podman's <c>libpod-conmon-&lt;id&gt;</c>, CRI-O's <c>crio-conmon-&lt;id&gt;</c>).
    /// </summary>
    /// <remarks>
    /// A process in a sub-cgroup of a container's (<c>/docker/&lt;id&gt;/init.scope</c>, crun's
    /// <c>libpod-&lt;id&gt;.scope/container</c>) belongs to that container. Empty and <c>.</c> components are skipped as
    /// the file system would; the walk stops at <c>..</c>, which the kernel writes for the part of the path above the
    /// reader's cgroup namespace. Never throws; allocates only the returned id.
    /// </remarks>
    /// <param name="path">The path as <c>/proc/PID/cgroup</c> gives it.</param>
    /// <param name="id">The container's id, 64 lowercase hex digits.</param>
    /// <param name="engine">The engine the shape names (see <see cref="Events.ContainerInfo.Engine"/>).</param>
    public static bool TryParse(ReadOnlySpan<char> path, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? engine)
    {
        if (path.EndsWith(DeletedSuffix, StringComparison.Ordinal))
        {
            path = path[..^DeletedSuffix.Length];
        }

        if (path.StartsWith('/'))
        {
            var rest = path;
            while (true)
            {
                var name = CgroupPathComponents.Last(rest, out var parent);
                if (name.IsEmpty || name is "..")
                {
                    break;
                }

                if (ContainerCgroupName.TryParse(name, parent, out var idDigits, out engine))
                {
                    id = idDigits.ToString();
                    return true;
                }

                rest = parent;
            }
        }

        id = null;
        engine = null;
        return false;
    }

    /// <summary>The container of a process, from its cgroups: the first membership whose path names one.</summary>
    public static bool TryFind(IReadOnlyList<CgroupMembership> memberships, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? engine)
    {
        // Indexed, not foreach: an interface enumerator would be an allocation per process.
        for (var i = 0; i < memberships.Count; i++)
        {
            if (TryParse(memberships[i].Path, out id, out engine))
            {
                return true;
            }
        }

        id = null;
        engine = null;
        return false;
    }
}
