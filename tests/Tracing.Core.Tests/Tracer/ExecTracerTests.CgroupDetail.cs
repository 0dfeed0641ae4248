using NSubstitute;
using Tracing.Events;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// <see cref="ExecDetails.Cgroup"/>: the unified cgroup as <c>/proc/PID/cgroup</c> names it, read once per cgroup id.
/// </summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Asked_the_cgroup_is_the_unified_hierarchys_line()
    {
        var process = _processes.Add(200, 1, "nginx", "nginx");
        process.Cgroups = [new("cpu,cpuacct", "/legacy"), new("", "/system.slice/nginx.service")];
        process.UnifiedCgroupId = 7001;

        var events = await TraceAsync(() => _source.Exec(200, 1), o => o.Details = ExecDetails.Cgroup);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal("0::/system.slice/nginx.service", exec.Cgroup);
    }

    [Fact]
    public async Task Not_asked_there_is_no_cgroup_and_none_is_read()
    {
        var process = _processes.Add(200, 1, "nginx", "nginx");
        process.Cgroups = [new("", "/system.slice/nginx.service")];
        process.UnifiedCgroupId = 7001;

        var events = await TraceAsync(() => _source.Exec(200, 1), o => o.Details = ExecDetails.All & ~ExecDetails.Container);

        Assert.Null(Assert.IsType<ExecEvent>(Assert.Single(events)).Cgroup);
        _processes.Reader.DidNotReceive().TryReadCgroups(200, out Arg.Any<IReadOnlyList<CgroupMembership>?>());
        _processes.Reader.DidNotReceive().TryReadUnifiedCgroupId(200, out Arg.Any<ulong>());
    }

    [Fact]
    public async Task With_the_container_asked_too_the_cgroup_id_is_read_once_for_both()
    {
        var process = _processes.Add(200, 1, "nginx", "nginx");
        process.Cgroups = [new("", "/system.slice/nginx.service")];
        process.UnifiedCgroupId = 7001;

        // Neither credentials nor user is asked: no identity read gives the id, so it is read for the container and the cgroup.
        var events = await TraceAsync(() => _source.Exec(200, 1), o => o.Details = ExecDetails.Container | ExecDetails.Cgroup);

        Assert.Equal("0::/system.slice/nginx.service", Assert.IsType<ExecEvent>(Assert.Single(events)).Cgroup);
        _processes.Reader.Received(1).TryReadUnifiedCgroupId(200, out Arg.Any<ulong>());
    }

    [Fact]
    public async Task A_second_process_of_a_cgroup_id_is_answered_without_reading_its_cgroups()
    {
        IReadOnlyList<CgroupMembership> service = [new("", "/system.slice/nginx.service")];
        IReadOnlyList<CgroupMembership> other = [new("", "/user.slice/user-1000.slice")];
        _processes.Add(200, 1, "nginx", "nginx").Cgroups = service;
        _processes.Add(201, 200, "nginx", "nginx").Cgroups = service;
        _processes.Add(202, 1, "bash", "bash").Cgroups = other;
        _processes.Get(200).UnifiedCgroupId = 7001;
        _processes.Get(201).UnifiedCgroupId = 7001;
        _processes.Get(202).UnifiedCgroupId = 7002;

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);
                _source.Exec(201, 2);
                _source.Exec(202, 3);
            },
            o => o.Details = ExecDetails.Cgroup);

        var execs = events.OfType<ExecEvent>().ToDictionary(e => e.Pid, e => e.Cgroup);
        Assert.Equal("0::/system.slice/nginx.service", execs[200]);
        Assert.Equal("0::/system.slice/nginx.service", execs[201]);
        Assert.Equal("0::/user.slice/user-1000.slice", execs[202]);
        _processes.Reader.Received(1).TryReadCgroups(200, out Arg.Any<IReadOnlyList<CgroupMembership>?>());
        _processes.Reader.DidNotReceive().TryReadCgroups(201, out Arg.Any<IReadOnlyList<CgroupMembership>?>());
        _processes.Reader.Received(1).TryReadCgroups(202, out Arg.Any<IReadOnlyList<CgroupMembership>?>());
    }

    [Fact]
    public async Task Without_a_cgroup_id_each_process_is_read()
    {
        _processes.Add(200, 1, "nginx", "nginx").Cgroups = [new("", "/a")];
        _processes.Add(201, 1, "nginx", "nginx").Cgroups = [new("", "/b")];

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);
                _source.Exec(201, 2);
            },
            o => o.Details = ExecDetails.Cgroup);

        Assert.Equal(["0::/a", "0::/b"], events.OfType<ExecEvent>().Select(e => e.Cgroup));
    }

    [Fact]
    public async Task Only_v1_memberships_give_no_cgroup()
    {
        var process = _processes.Add(200, 1, "nginx", "nginx");
        process.Cgroups = [new("cpu,cpuacct", "/legacy"), new("name=systemd", "/system.slice/nginx.service")];

        var events = await TraceAsync(() => _source.Exec(200, 1), o => o.Details = ExecDetails.Cgroup);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Null(exec.Cgroup);
        _processes.Reader.Received(1).TryReadCgroups(200, out Arg.Any<IReadOnlyList<CgroupMembership>?>());
    }

    [Fact]
    public async Task A_process_gone_before_its_cgroup_was_read_has_none()
    {
        _processes.Add(200, 1, "nginx", "nginx").Cgroups = [new("", "/system.slice/nginx.service")];
        _processes.Add(201, 1, "nginx", "nginx");   // gone: /proc/201/cgroup cannot be read

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);
                _source.Exec(201, 2);
            },
            o => o.Details = ExecDetails.Cgroup);

        var execs = events.OfType<ExecEvent>().ToDictionary(e => e.Pid, e => e.Cgroup);
        Assert.Equal("0::/system.slice/nginx.service", execs[200]);
        Assert.Null(execs[201]);
    }
}
