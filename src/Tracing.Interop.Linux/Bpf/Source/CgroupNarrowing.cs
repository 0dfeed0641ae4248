using System.Text;
using Tracing.Linux.Bpf.Maps;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Bpf.Source;

/// <summary>
/// A scope's cgroup of the unified (v2) hierarchy, in a <c>BPF_MAP_TYPE_CGROUP_ARRAY</c> the programs ask
/// (<c>bpf_current_task_under_cgroup</c>): an exec outside it is never sent.
/// </summary>
internal static class CgroupNarrowing
{
    /// <summary>The map holding <paramref name="path"/> (within the unified hierarchy); null, and why, when it cannot be had.</summary>
    public static BpfMap? TryOpen(string path, out string? reason)
    {
        if (CgroupPaths.FindUnifiedMount() is { } mount)
        {
            var directory = path == "/" ? mount : mount + path.TrimEnd('/');
            var errno = Interop.Libc.OpenReadOnly(Encoding.UTF8.GetBytes(directory + "\0"), out var fd);
            using (fd)
            {
                if (errno != 0)
                {
                    reason = $"{directory} could not be opened (errno {errno})";
                    return null;
                }

                var map = BpfMap.Create(BpfMapType.CgroupArray, "exectrace_cgrp", 4, 4, 1);
                try
                {
                    map.Update(BitConverter.GetBytes(0), BitConverter.GetBytes((int)fd.DangerousGetHandle()));
                    reason = null;
                    return map;
                }
                catch
                {
                    map.Dispose();
                    throw;
                }
            }
        }

        reason = "no cgroup v2 hierarchy is mounted";
        return null;
    }
}
