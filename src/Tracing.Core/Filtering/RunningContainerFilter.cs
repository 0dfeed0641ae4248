using Tracing.Containers;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>A <see cref="ContainerFilter"/> once its container was found running: its processes are those in its cgroup.</summary>
/// <param name="Target">The container.</param>
/// <param name="InitPid">Its first process (host pid), whose end is the container's end.</param>
internal sealed record RunningContainerFilter(ContainerInfo Target, int InitPid) : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate()
    {
        ArgumentNullException.ThrowIfNull(Target);
    }

    /// <inheritdoc />
    internal override int? ScopeOwnerPid => InitPid;

    /// <inheritdoc />
    internal override ContainerInfo? TracedContainer => Target;

    /// <inheritdoc />
    /// <remarks>In: a cgroup of the process is the container's, or one below it (a container nested in it too).</remarks>
    internal override ScopeVerdict Admit(int pid, IProcessInfoReader reader) =>
        !reader.TryReadCgroups(pid, out var memberships) ? ScopeVerdict.Undecided
        : ContainerScope.IsWithin(memberships, Target.Id) ? ScopeVerdict.In
        : ScopeVerdict.Out;

    /// <inheritdoc />
    public override string ToString() =>
        $"container {Target.Name ?? Target.ShortId} ({Target.Engine}, id {Target.ShortId}, init pid {InitPid})";
}
