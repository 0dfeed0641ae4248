using Tracing.Ports;

namespace Tracing.Linux.ProcFs;

/// <summary>A cgroup path a user gave, found as <c>exectrace --cgroup</c> finds it.</summary>
internal sealed partial class ProcFsReader
{
    /// <inheritdoc />
    public CgroupMembership? FindCgroup(string userPath) =>
        !CgroupPaths.TryResolve(userPath, out var cgroup, out var error) ? throw new ArgumentException(error)
        : cgroup.Controller is null ? null
        : new CgroupMembership(cgroup.Controller, cgroup.Path);
}
