using Tracing.Linux.FileSystem;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    // 0: not looked yet; 1: mounted; 2: not.
    private int _unifiedHierarchy;

    /// <summary>
    /// True when a cgroup v2 hierarchy is mounted (<c>/sys/fs/cgroup</c> itself, or <c>/sys/fs/cgroup/unified</c> beside
    /// v1 hierarchies), so container engines give each container a v2 cgroup of its own (runc and crun join it beside
    /// the v1 hierarchies; systemd makes a scope in each). Looked at once.
    /// </summary>
    private bool UnifiedHierarchyMounted
    {
        get
        {
            if (_unifiedHierarchy == 0)
            {
                _unifiedHierarchy = IsCgroup2("/sys/fs/cgroup\0"u8) || IsCgroup2("/sys/fs/cgroup/unified\0"u8) ? 1 : 2;
            }

            return _unifiedHierarchy == 1;
        }
    }

    private static bool IsCgroup2(ReadOnlySpan<byte> path) =>
        Interop.Libc.StatFs(path, out var info) == 0 && info.f_type == StatFs.CGROUP2_SUPER_MAGIC;
}
