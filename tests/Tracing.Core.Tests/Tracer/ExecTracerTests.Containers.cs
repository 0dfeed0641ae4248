using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    private const int Conmon = 299;
    private const int ContainerInit = 300;
    private const int ContainerChild = 301;
    private const int ContainerExec = 302;
    private const int HostProcess = 400;
    private static readonly string s_webId = Id("a1b2c3d4e5f6");
    private static readonly ContainerInfo s_web = new(s_webId, "web", "podman");

    private readonly FakeContainerEngine _containerEngine = new();

    [Fact]
    public async Task Container_filter_reports_the_execs_in_the_containers_cgroup_and_not_the_hosts()
    {
        AddWebContainer();

        var events = await TraceContainerAsync(
            () =>
            {
                _source.Exec(ContainerChild);
                _source.Exec(HostProcess);
                _source.Exec(ContainerExec);   // podman exec: its parent, conmon, is outside
                _source.Exec(Conmon);
            },
            o => o.Filter = ExecTraceFilter.Container("web"));

        Assert.Equal([ContainerChild, ContainerExec], ExecPids(events));
        var execs = events.OfType<ExecEvent>().ToList();
        Assert.All(execs, e => Assert.Equal(s_web, e.Container));
        Assert.Equal([2, 3], execs.Select(e => e.NamespacePid));
        Assert.Equal(Conmon, execs[1].ParentPid);
    }

    [Fact]
    public async Task Container_filter_by_id_prefix_without_an_engine_finds_it_in_the_cgroups()
    {
        AddWebContainer();

        await using var tracer = new ExecTracer(
            _source, _processes.Reader, _clock, new ExecTracingOptions { Filter = ExecTraceFilter.Container("a1b2c3") });
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        _source.Exec(ContainerChild);
        _source.Exec(HostProcess);
        await tracer.StopAsync();

        var exec = Assert.IsType<ExecEvent>(Assert.Single(await DrainAsync(reader)));
        Assert.Equal(ContainerChild, exec.Pid);
        Assert.Equal(new ContainerInfo(s_webId, null, "podman"), exec.Container);
    }

    [Fact]
    public async Task Container_filter_subscribes_to_execs_and_exits_only()
    {
        AddWebContainer();

        await TraceContainerAsync(() => { }, o => o.Filter = ExecTraceFilter.Container("web"));

        Assert.Equal(KernelEventInterest.Exec | KernelEventInterest.Exit, _source.Interest);
    }

    [Fact]
    public async Task An_exit_carries_the_container_and_namespace_pid_read_at_the_exec()
    {
        AddWebContainer();

        var events = await TraceContainerAsync(
            () =>
            {
                _source.Exec(ContainerChild);
                _processes.Remove(ContainerChild);     // gone: nothing is left to read at its exit
                _source.Exit(ContainerChild, status: 0, parentPid: ContainerInit);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.Container("web");
                o.IncludeExits = true;
            });

        var exit = Assert.Single(events.OfType<ExitEvent>());
        Assert.Equal(ContainerChild, exit.Pid);
        Assert.Equal(s_web, exit.Container);
        Assert.Equal(2, exit.NamespacePid);
    }

    [Fact]
    public async Task When_the_containers_init_exits_the_scope_ends_and_the_tracer_stops_after_delivering()
    {
        AddWebContainer();
        await using var tracer = CreateContainerTracer(o => o.Filter = ExecTraceFilter.Container("web"));
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        _source.Exec(ContainerChild);
        _source.Exit(ContainerChild);
        _source.Exec(ContainerExec);
        Assert.False(tracer.ScopeEnded.IsCompleted);
        _processes.Get(ContainerInit).State = 'Z'; // as the kernel's exit finds it: a zombie until reaped
        _source.Exit(ContainerInit);

        await tracer.ScopeEnded.WaitAsync(s_timeout);
        await tracer.Completion.WaitAsync(s_timeout);
        var events = await DrainAsync(reader);
        Assert.Equal([ContainerChild, ContainerExec], ExecPids(events));
        Assert.False(_source.IsStarted);
        Assert.Equal(1, _source.StopCount);
    }

    [Fact]
    public async Task When_the_containers_init_exits_with_exits_included_its_exit_is_delivered()
    {
        AddWebContainer();
        await using var tracer = CreateContainerTracer(o =>
        {
            o.Filter = ExecTraceFilter.Container("web");
            o.IncludeExits = true;
        });
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        _source.Exec(ContainerInit);
        _processes.Remove(ContainerInit); // reaped before the exit is read
        _source.Exit(ContainerInit, status: 256);

        await tracer.ScopeEnded.WaitAsync(s_timeout);
        await tracer.Completion.WaitAsync(s_timeout);
        var events = await DrainAsync(reader);
        Assert.Equal([ContainerInit], ExecPids(events));
        var exit = Assert.Single(events.OfType<ExitEvent>());
        Assert.Equal((ContainerInit, 1, 1), (exit.Pid, exit.ExitCode, exit.NamespacePid));
        Assert.Equal(s_web, exit.Container);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_thread_of_the_containers_init_that_exits_does_not_end_the_scope(bool includeExits)
    {
        AddWebContainer();
        await using var tracer = CreateContainerTracer(o =>
        {
            o.Filter = ExecTraceFilter.Container("web");
            o.IncludeExits = includeExits;
        });
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        _source.Exec(ContainerInit);
        _source.ThreadFork(ContainerInit, 3001);
        _source.ThreadExit(ContainerInit, 3001);
        _source.Exec(ContainerChild);

        Assert.False(tracer.ScopeEnded.IsCompleted);
        Assert.Equal(TracerState.Running, tracer.State);
        await tracer.StopAsync();
        var events = await DrainAsync(reader);
        Assert.Equal([ContainerInit, ContainerChild], ExecPids(events));
    }

    [Theory]
    [InlineData("pthread_exit: a zombie leader whose other thread runs")]
    [InlineData("another thread exec'd: the old leader's exit, the process runs on")]
    public async Task The_exit_of_the_inits_leader_thread_while_the_process_lives_does_not_end_the_scope(string how)
    {
        AddWebContainer();
        await using var tracer = CreateContainerTracer(o => o.Filter = ExecTraceFilter.Container("web"));
        await tracer.StartAsync();
        if (how.StartsWith("pthread_exit", StringComparison.Ordinal))
        {
            _processes.Get(ContainerInit).State = 'Z';
            _processes.Get(ContainerInit).OtherThreads = [3001];
        }

        _source.Exit(ContainerInit);

        Assert.False(tracer.ScopeEnded.IsCompleted);
        Assert.Equal(TracerState.Running, tracer.State);
    }

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
        Assert.Equal(HostProcess, execs[HostProcess].NamespacePid);

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

    private ExecTracer CreateContainerTracer(Action<ExecTracingOptions>? configure = null)
    {
        var options = new ExecTracingOptions();
        configure?.Invoke(options);
        return new ExecTracer(_source, _processes.Reader, _clock, options, containerEngine: _containerEngine);
    }

    private async Task<List<TraceEvent>> TraceContainerAsync(Action feed, Action<ExecTracingOptions>? configure = null)
    {
        await using var tracer = CreateContainerTracer(configure);
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        feed();
        await tracer.StopAsync();
        return await DrainAsync(reader);
    }

    // podman's "web": its first process under conmon, a child, and a podman exec whose parent is conmon; a host process.
    private void AddWebContainer()
    {
        _containerEngine.Add(new ContainerRecord(s_webId, "web", "podman", Running: true, InitPid: ContainerInit));
        _processes.Add(Conmon, 1, "conmon", "/usr/bin/conmon").Cgroups = ContainerCgroups.Conmon(s_webId);
        _processes.Get(Conmon).NamespacePid = Conmon;
        AddInContainer(ContainerInit, 1, "sh", "/bin/sh", parent: Conmon, uid: 0, user: "root");
        AddInContainer(ContainerChild, 2, "nginx", "nginx", parent: ContainerInit, uid: 33, user: "www-data");
        AddInContainer(ContainerExec, 3, "bash", "bash", parent: Conmon, uid: 0, user: "root");
        var host = _processes.Add(HostProcess, 1, "sudo", "sudo", "ls");
        host.Cgroups = Host;
        host.NamespacePid = HostProcess;
        host.RealUid = 1000;
        host.EffectiveUid = 0;
        host.UserName = "alice";
    }

    private void AddInContainer(int pid, int namespacePid, string commandName, string argv0, int parent, uint uid, string user)
    {
        var process = _processes.Add(pid, parent, commandName, argv0);
        process.Cgroups = PodmanSystemd(s_webId);
        process.NamespacePid = namespacePid;
        process.RealUid = uid;
        process.EffectiveUid = uid;
        process.UserName = user;
    }
}
