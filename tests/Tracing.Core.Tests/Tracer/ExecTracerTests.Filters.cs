using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    private const int Root = 10;

    private void AddRootWithDescendants()
    {
        _processes.Add(Root, 1, "bash", "bash");
        _processes.Add(11, Root, "make", "make");
        _processes.Add(12, 11, "cc", "cc", "-c", "a.c");
        _processes.Add(20, 1, "sshd", "sshd");
    }

    [Fact]
    public async Task Process_tree_filter_reports_only_the_roots_descendants()
    {
        AddRootWithDescendants();
        _processes.Add(13, 12, "as", "as");
        _processes.Add(21, 1, "cron", "cron");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(12);      // a grandchild that existed before tracing
                _source.Exec(20);      // outside the tree
                _source.Fork(12, 13, 1);
                _source.Exec(13);      // forked while traced
                _source.Fork(1, 21, 2);
                _source.Exec(21);      // forked outside the tree
                _source.Exec(Root);
            },
            o => o.Filter = ExecTraceFilter.ProcessTree(Root));

        Assert.Equal([12, 13, Root], ExecPids(events));
        var cc = events.OfType<ExecEvent>().First();
        Assert.Equal(11, cc.ParentPid);
        Assert.Equal(["cc", "-c", "a.c"], cc.Arguments.Strings);
    }

    [Fact]
    public async Task Process_tree_filter_with_an_unknown_root_throws_and_stops_the_source()
    {
        await using var tracer = CreateTracer(o => o.Filter = ExecTraceFilter.ProcessTree(999));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => tracer.StartAsync());

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Equal(Tracing.Tracer.TracerState.Stopped, tracer.State);
        Assert.False(_source.IsStarted);
    }

    [Fact]
    public async Task Thread_forks_and_exits_are_ignored()
    {
        AddRootWithDescendants();
        _processes.Add(13, 12, "java", "java", "-jar", "x.jar");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(12, 13, timestampNs: 1_000_000_000);
                _source.Exec(13, 1_100_000_000);
                _source.ThreadFork(13, 14, 1_200_000_000);
                _source.ThreadExit(13, 14, 1_300_000_000);
                _source.Exec(13, 1_400_000_000);
                _source.Exit(13, 0, 3_000_000_000);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.IncludeExits = true;
            });

        // Had the thread exit been taken for the process's, the second exec would be dropped (13 untracked);
        // had the thread fork been taken for a process, the lifetime would start at the thread's creation.
        Assert.Equal([13, 13], ExecPids(events));
        var exit = Assert.IsType<ExitEvent>(Assert.Single(events.OfType<ExitEvent>()));
        Assert.Equal(13, exit.Pid);
        Assert.Equal(TimeSpan.FromSeconds(2), exit.Lifetime);
        Assert.DoesNotContain(events, e => e.Pid == 14);
    }

    [Fact]
    public async Task Cgroup_filter_reports_processes_in_the_cgroup_or_below()
    {
        _processes.Add(200, 1, "app", "app").Cgroups = [new("", "/"), new("", "/system.slice/app.service/worker")];
        _processes.Add(201, 1, "bash", "bash").Cgroups = [new("", "/user.slice")];
        _processes.Add(202, 1, "appx", "appx").Cgroups = [new("", "/system.slice/app.servicex")];
        _processes.Add(203, 1, "gone");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200);
                _source.Exec(201);
                _source.Exec(202);
                _source.Exec(203);
            },
            o => o.Filter = ExecTraceFilter.Cgroup("/system.slice/app.service"));

        Assert.Equal([200], ExecPids(events));
        _processes.Reader.Received().TryReadCgroups(201, out Arg.Any<IReadOnlyList<CgroupMembership>?>());

        // 203's cgroup could not be read: not reported as in scope, but counted, never silently dropped.
        var undecided = Assert.Single(events.OfType<EventsLostEvent>());
        Assert.Equal(LossReason.ScopeUndecided, undecided.Reason);
        Assert.Equal(203, undecided.Pid);
        Assert.Equal(1, undecided.Count);
    }

    [Fact]
    public async Task Cgroup_filter_with_a_v1_controller_ignores_the_same_path_in_other_hierarchies()
    {
        _processes.Add(200, 1, "in-cpu", "in-cpu").Cgroups = [new("memory", "/"), new("cpu,cpuacct", "/foo/bar"), new("name=systemd", "/")];
        _processes.Add(201, 1, "in-memory", "in-memory").Cgroups = [new("memory", "/foo"), new("cpu,cpuacct", "/"), new("", "/foo")];

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200);
                _source.Exec(201);
            },
            o => o.Filter = ExecTraceFilter.Cgroup("/foo", "cpu"));

        Assert.Equal([200], ExecPids(events));
    }

    [Fact]
    public async Task Command_filter_reports_the_launched_subtree_including_events_before_Launch_returns()
    {
        var launched = Substitute.For<ILaunchedCommand>();
        launched.Pid.Returns(500);
        var launcher = Substitute.For<ICommandLauncher>();
        launcher.Launch(Arg.Any<CommandSpec>()).Returns(_ =>
        {
            // The child forks and execs before Process.Start returns; so does an unrelated child of ours.
            _processes.Add(500, Self, "make", "make", "all");
            _source.Fork(Self, 500, 1);
            _source.Exec(500, 2);
            _processes.Add(600, Self, "helper", "helper");
            _source.Fork(Self, 600, 3);
            _source.Exec(600, 4);
            return launched;
        });
        _processes.Add(501, 500, "cc", "cc");
        _processes.Add(601, 600, "sh", "sh");
        var command = new CommandSpec("make", ["all"]);

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(500, 501, 5);
                _source.Exec(501, 6);
                _source.Fork(600, 601, 7);
                _source.Exec(601, 8);
                _source.Exec(Self, 9);
            },
            o => o.Filter = ExecTraceFilter.RunCommand(command),
            launcher);

        Assert.Equal([500, 501], ExecPids(events));
        launcher.Received(1).Launch(command);
    }

    [Fact]
    public async Task A_command_that_ends_before_Launch_returns_is_seen_without_waiting_for_a_timeout()
    {
        var launched = Substitute.For<ILaunchedCommand>();
        launched.Pid.Returns(500);
        launched.WaitForExitAsync(Arg.Any<CancellationToken>()).Returns(0);
        var launcher = Substitute.For<ICommandLauncher>();
        launcher.Launch(Arg.Any<CommandSpec>()).Returns(_ =>
        {
            // /bin/true: forked, exec'd and gone before Process.Start returns.
            _processes.Add(500, Self, "true", "/bin/true");
            _source.Fork(Self, 500, 1);
            _source.Exec(500, 2);
            _source.Exit(500, 0, 3, Self);
            return launched;
        });
        var options = new ExecTracingOptions { Filter = ExecTraceFilter.RunCommand(new CommandSpec("/bin/true", [])) };
        await using var tracer = new ExecTracer(_source, _processes.Reader, _clock, options, launcher, new FrozenTimeProvider());

        await tracer.StartAsync();

        // Frozen time: only the exit the tracer saw can end the wait.
        Assert.Equal(0, await tracer.WaitForCommandAsync().WaitAsync(s_timeout));
    }

    [Fact]
    public async Task Command_filter_waits_for_the_command_and_reports_its_exit()
    {
        var launched = Substitute.For<ILaunchedCommand>();
        launched.Pid.Returns(500);
        launched.WaitForExitAsync(Arg.Any<CancellationToken>()).Returns(7);
        var launcher = Substitute.For<ICommandLauncher>();
        launcher.Launch(Arg.Any<CommandSpec>()).Returns(launched);
        _processes.Add(500, Self, "false", "false");
        await using var tracer = CreateTracer(
            o =>
            {
                o.Filter = ExecTraceFilter.RunCommand(new CommandSpec("false", []));
                o.IncludeExits = true;
            },
            launcher);
        var reader = tracer.CreateReader();

        await tracer.StartAsync();
        _source.Fork(Self, 500, 1_000);
        _source.Exec(500, 2_000);
        _source.Exit(500, 7 << 8, 3_000, Self);
        var exitCode = await tracer.WaitForCommandAsync().WaitAsync(s_timeout);
        await tracer.StopAsync();
        var events = await DrainAsync(reader);

        Assert.Equal(7, exitCode);
        Assert.Same(launched, tracer.Command);
        var exit = Assert.IsType<ExitEvent>(events[^1]);
        Assert.Equal(500, exit.Pid);
        Assert.Equal(7, exit.ExitCode);
        Assert.Equal(Self, exit.ParentPid);
    }

    [Fact]
    public async Task Command_filter_without_a_launcher_is_refused()
    {
        await using var tracer = CreateTracer(o => o.Filter = ExecTraceFilter.RunCommand(new CommandSpec("true", [])));

        await Assert.ThrowsAsync<InvalidOperationException>(() => tracer.StartAsync());
        Assert.Equal(0, _source.StartCount);
    }
}
