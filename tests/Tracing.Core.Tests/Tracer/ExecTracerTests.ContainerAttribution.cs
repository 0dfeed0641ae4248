using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Tracer;

/// <summary>Containers through the tracer: attribution in every scope, and what the engine is asked.</summary>
public sealed partial class ExecTracerTests
{
    [Theory]
    [InlineData("gone")]
    [InlineData("pid reused on the host")]
    [InlineData("unreadable")]
    public async Task A_container_whose_init_is_gone_right_after_start_ends_its_scope_at_once(string how)
    {
        AddWebContainer();
        var init = _processes.Get(ContainerInit);
        _containerEngine.Answer = (_, _) =>
        {
            // The engine saw it running; by the time the tracer is subscribed it is not.
            switch (how)
            {
                case "gone":
                    _processes.Remove(ContainerInit);
                    break;
                case "pid reused on the host":
                    init.Cgroups = Host;
                    break;
                default:
                    init.Cgroups = null;
                    break;
            }

            return Task.FromResult<ContainerRecord?>(new ContainerRecord(s_webId, "web", "podman", Running: true, InitPid: ContainerInit));
        };
        await using var tracer = CreateContainerTracer(o => o.Filter = ExecTraceFilter.Container("web"));
        var reader = tracer.CreateReader();

        await tracer.StartAsync();

        Assert.True(tracer.ScopeEnded.IsCompleted);
        await tracer.Completion.WaitAsync(s_timeout);
        Assert.Empty(await DrainAsync(reader));
        Assert.False(_source.IsStarted);
    }

    [Fact]
    public async Task Everything_filter_attributes_container_and_host_execs_side_by_side()
    {
        AddWebContainer();

        var events = await TraceContainerAsync(
            () =>
            {
                _source.Exec(ContainerChild);
                _source.Exec(HostProcess);
                _source.Exec(ContainerExec);
            },
            o => o.Details = ExecDetails.All);

        var execs = events.OfType<ExecEvent>().ToDictionary(e => e.Pid);
        Assert.Equal(s_web, execs[ContainerChild].Container);
        Assert.Equal(2, execs[ContainerChild].NamespacePid);
        Assert.Equal("www-data", execs[ContainerChild].UserName);
        Assert.Equal(s_web, execs[ContainerExec].Container);
        Assert.Equal("root", execs[ContainerExec].UserName);
        Assert.Null(execs[HostProcess].Container);
        Assert.Null(execs[HostProcess].NamespacePid); // read for a container's process only: a host process's is its pid

        // Set-uid: the name is the real uid's, not the effective one's.
        Assert.Equal((1000u, 0u), (execs[HostProcess].RealUid, execs[HostProcess].EffectiveUid));
        Assert.Equal("alice", execs[HostProcess].UserName);
        // Besides the warm-up's made-up id, which readies the client off the receive thread.
        Assert.Equal([s_webId], _containerEngine.Asked.Where(id => id != Tracing.Containers.ContainerDirectory.MadeUpId));
    }

    [Fact]
    public async Task Without_the_container_detail_execs_have_no_container_and_no_cgroups_are_read()
    {
        AddWebContainer();

        var events = await TraceContainerAsync(
            () =>
            {
                _source.Exec(ContainerChild);
                _source.Exec(HostProcess);
            },
            o => o.Details = ExecDetails.All & ~ExecDetails.Container);

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal(2, execs.Count);
        Assert.All(execs, e => Assert.Null(e.Container));
        Assert.All(execs, e => Assert.Null(e.NamespacePid));
        Assert.Equal("www-data", execs[0].UserName);
        Assert.Empty(_containerEngine.Asked);
        _processes.Reader.DidNotReceive().TryReadCgroups(Arg.Is<int>(pid => pid != Self), out Arg.Any<IReadOnlyList<CgroupMembership>?>());
    }

    [Fact]
    public async Task The_user_name_alone_reads_the_credentials_it_needs()
    {
        AddWebContainer();

        var events = await TraceContainerAsync(() => _source.Exec(ContainerChild), o => o.Details = ExecDetails.UserName);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal("www-data", exec.UserName);
        Assert.Equal(33u, exec.RealUid);
        Assert.Null(exec.Container);
    }

    [Fact]
    public async Task Without_the_user_name_detail_no_name_is_read()
    {
        AddWebContainer();

        var events = await TraceContainerAsync(() => _source.Exec(ContainerChild), o => o.Details = ExecDetails.Credentials);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(33u, exec.RealUid);
        Assert.Null(exec.UserName);
    }

    [Theory]
    [InlineData(false, ContainerLookupFailure.NotRunning)]
    [InlineData(true, ContainerLookupFailure.NotFound)]
    public async Task StartAsync_with_a_container_that_does_not_run_throws_and_leaves_the_tracer_stopped(bool unknown, ContainerLookupFailure failure)
    {
        if (!unknown)
        {
            _containerEngine.Add(new ContainerRecord(s_webId, "web", "podman", Running: false, InitPid: null));
        }

        await using var tracer = CreateContainerTracer(o => o.Filter = ExecTraceFilter.Container("web"));

        var error = await Assert.ThrowsAsync<ContainerLookupException>(() => tracer.StartAsync());

        Assert.Equal(failure, error.Failure);
        Assert.Equal(TracerState.Stopped, tracer.State);
        Assert.Equal(0, _source.StartCount);
        Assert.True(tracer.ScopeEnded.IsCompleted);
        Assert.True(tracer.Completion.IsCompleted);
    }

    [Fact]
    public async Task StartAsync_cancelled_while_the_engine_is_asked_leaves_the_tracer_stopped()
    {
        using var cancel = new CancellationTokenSource();
        _containerEngine.Answer = async (_, cancellationToken) =>
        {
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        };
        await using var tracer = CreateContainerTracer(o => o.Filter = ExecTraceFilter.Container("web"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tracer.StartAsync(cancel.Token));

        Assert.Equal(TracerState.Stopped, tracer.State);
        Assert.Equal(0, _source.StartCount);
    }

    [Fact]
    public async Task A_tracer_whose_container_was_not_running_starts_once_it_runs()
    {
        _containerEngine.Add(new ContainerRecord(s_webId, "web", "podman", Running: false, InitPid: null));
        await using var tracer = CreateContainerTracer(o => o.Filter = ExecTraceFilter.Container("web"));
        await Assert.ThrowsAsync<ContainerLookupException>(() => tracer.StartAsync());

        AddWebContainer();
        _containerEngine.Answer = (_, _) => Task.FromResult<ContainerRecord?>(new ContainerRecord(s_webId, "web", "podman", Running: true, InitPid: ContainerInit));
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        _source.Exec(ContainerChild);
        await tracer.StopAsync();

        var events = await DrainAsync(reader);
        Assert.Equal([ContainerChild], ExecPids(events));
    }
}
