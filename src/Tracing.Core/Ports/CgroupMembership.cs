using System.Runtime.InteropServices;

namespace Tracing.Ports;

/// <summary>One line of <c>/proc/PID/cgroup</c>: the process's cgroup in one hierarchy.</summary>
/// <param name="Controllers">
/// The hierarchy's controllers as the kernel lists them: <c>""</c> for the cgroup v2 unified hierarchy (<c>0::/path</c>),
/// <c>"cpu,cpuacct"</c> or <c>"name=systemd"</c> for a v1 hierarchy.
/// </param>
/// <param name="Path">The cgroup's path within that hierarchy, starting with '/'.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct CgroupMembership(string Controllers, string Path)
{
    /// <summary>True for the cgroup v2 unified hierarchy.</summary>
    public bool IsUnified => Controllers.Length == 0;
}
