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

        Assert.Equal(KernelEventInterest.Exec | KernelEventInterest.Exit, _source.Interest & KernelEventInterest.All);
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
}
