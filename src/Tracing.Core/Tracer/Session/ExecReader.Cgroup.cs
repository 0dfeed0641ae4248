namespace Tracing.Tracer.Session;

/// <summary>The cgroup an exec's process is in (<see cref="ExecDetails.Cgroup"/>).</summary>
internal sealed partial class ExecReader
{
    /// <summary>How many cgroups' paths are remembered by id; past it the memory starts again.</summary>
    private const int CgroupPathsKept = 4096;

    private readonly Dictionary<ulong, string> _cgroupPaths = [];

    /// <summary>
    /// The process's cgroup v2 id: the one its identity read gave, else read once for both the container and the cgroup
    /// (a pidfd read); 0 when unknown.
    /// </summary>
    private ulong UnifiedCgroupId(int pid, ulong known) =>
        known != 0 ? known : _reader.TryReadUnifiedCgroupId(pid, out var read) ? read : 0;

    /// <summary>
    /// The unified (v2) cgroup, as <c>/proc/PID/cgroup</c> names it (<c>0::/path</c>); by its id when the kernel gave one
    /// and it was read before, else read. Null when the process was gone or is in no unified hierarchy.
    /// </summary>
    private string? ReadCgroup(int pid, ulong unifiedCgroupId)
    {
        if (unifiedCgroupId != 0 && _cgroupPaths.TryGetValue(unifiedCgroupId, out var known))
        {
            return known;
        }

        if (!_reader.TryReadCgroups(pid, out var memberships))
        {
            return null;
        }

        foreach (var membership in memberships)
        {
            if (membership.IsUnified)
            {
                var path = "0::" + membership.Path;
                if (unifiedCgroupId != 0)
                {
                    if (_cgroupPaths.Count >= CgroupPathsKept)
                    {
                        _cgroupPaths.Clear();
                    }

                    _cgroupPaths[unifiedCgroupId] = path;
                }

                return path;
            }
        }

        return null;
    }
}
