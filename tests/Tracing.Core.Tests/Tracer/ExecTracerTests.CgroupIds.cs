using NSubstitute;
using Tracing.Events;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>Attribution by the cgroup v2 cgroup's id: a process's cgroups are read only for the first of its cgroup.</summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Processes_of_a_cgroup_seen_before_are_attributed_by_its_id_without_their_cgroups_read()
    {
        AddWebContainer();
        const ulong WebCgroup = 4242;
        _processes.Get(ContainerChild).UnifiedCgroupId = WebCgroup;
        var exec = _processes.Get(ContainerExec);
        (exec.UnifiedCgroupId, exec.IdentityReadable) = (WebCgroup, true);

        var events = await TraceContainerAsync(
            () =>
            {
                _source.Exec(ContainerChild);
                _source.Exec(ContainerExec);
            },
            o => o.Details = ExecDetails.Container | ExecDetails.Credentials);

        var execs = events.OfType<ExecEvent>().ToDictionary(e => e.Pid);
        Assert.Equal(s_web, execs[ContainerChild].Container);
        Assert.Equal(s_web, execs[ContainerExec].Container);
        Assert.Equal(exec.NamespacePid, execs[ContainerExec].NamespacePid);
        _processes.Reader.Received(1).TryReadCgroups(ContainerChild, out Arg.Any<IReadOnlyList<CgroupMembership>?>());
        _processes.Reader.DidNotReceive().TryReadCgroups(ContainerExec, out Arg.Any<IReadOnlyList<CgroupMembership>?>());

        // The identity read gave the id: no read of its own.
        _processes.Reader.DidNotReceive().TryReadUnifiedCgroupId(ContainerExec, out Arg.Any<ulong>());
    }
}
