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
                _unifiedHierarchy = CgroupPaths.FindUnifiedMount() is not null ? 1 : 2;
            }

            return _unifiedHierarchy == 1;
        }
    }
}
