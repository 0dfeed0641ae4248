using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>A launched command's subtree: its <c>CLONE_PARENT</c> helpers, and the daemons it leaves behind (follow).</summary>
public sealed partial class ExecTracerTests
{
    private const int Command = 500;

    [Fact]
    public async Task A_helper_the_command_made_with_CLONE_PARENT_is_the_commands_though_its_parent_is_the_tracer()
    {
        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Self, Command, 1);
                _source.Exec(Command, 2);
                // clone(CLONE_PARENT) in the command: the kernel names the command's parent, the tracer.
                _processes.Add(502, Self, "helper", "helper", "--job");
                _source.Fork(Self, 502, 3);
                _source.Exec(502, 4);
                _processes.Add(503, 502, "worker", "worker");
                _source.Fork(502, 503, 5);
                _source.Exec(503, 6);
            },
            o => o.Filter = new CommandFilter(new CommandSpec("make", [])) { IncludeTracerChildren = true },
            LauncherOf(Launched(0)));

        Assert.Equal([Command, 502, 503], ExecPids(events));
        var helper = events.OfType<ExecEvent>().Single(e => e.Pid == 502);
        Assert.Equal(Self, helper.ParentPid);
        Assert.Equal(["helper", "--job"], helper.Arguments.Strings);
    }

    [Fact]
    public async Task Without_IncludeTracerChildren_a_later_child_of_the_tracer_is_not_the_commands()
    {
        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Self, Command, 1);
                _source.Exec(Command, 2);
                _processes.Add(502, Self, "helper", "helper");
                _source.Fork(Self, 502, 3);
                _source.Exec(502, 4);
            },
            o => o.Filter = ExecTraceFilter.RunCommand(new CommandSpec("make", [])),
            LauncherOf(Launched(0)));

        Assert.Equal([Command], ExecPids(events));
    }

    [Fact]
    public async Task With_follow_the_wait_lasts_until_the_daemon_the_command_left_behind_ends()
    {
        await using var tracer = CreateTracer(
            o => o.Filter = new CommandFilter(new CommandSpec("sh", [])) { Follow = true }, LauncherOf(Launched(3)));
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        LeaveADaemon();

        var wait = tracer.WaitForCommandAsync();
        _source.Exec(502, 7);
        Assert.False(wait.IsCompleted);
        _source.Exit(502, 0, 8, 1);

        Assert.Equal(3, await wait.WaitAsync(s_timeout));
        await tracer.StopAsync();
        var events = await DrainAsync(reader);
        Assert.Equal([Command, 502], ExecPids(events));
    }

    [Fact]
    public async Task Without_follow_the_wait_ends_with_the_command_while_its_daemon_lives()
    {
        var options = new ExecTracingOptions { Filter = ExecTraceFilter.RunCommand(new CommandSpec("sh", [])) };
        await using var tracer = new ExecTracer(_source, _processes.Reader, _clock, options, LauncherOf(Launched(3)), new FrozenTimeProvider());
        await tracer.StartAsync();
        LeaveADaemon();

        // Frozen time: the command's exit, not a timeout, ends the wait.
        Assert.Equal(3, await tracer.WaitForCommandAsync().WaitAsync(s_timeout));
    }

    [Fact]
    public async Task With_follow_a_daemon_whose_exit_was_lost_ends_the_wait_at_the_resynchronisation()
    {
        await using var tracer = CreateTracer(
            o => o.Filter = new CommandFilter(new CommandSpec("sh", [])) { Follow = true }, LauncherOf(Launched(0)));
        await tracer.StartAsync();
        LeaveADaemon();
        var wait = tracer.WaitForCommandAsync();
        _source.LoseEvents(1);
        Assert.False(wait.IsCompleted);

        _processes.Remove(502);
        _source.LoseEvents(1);

        Assert.Equal(0, await wait.WaitAsync(s_timeout));
    }

    [Fact]
    public async Task With_follow_stopping_the_tracer_ends_the_wait()
    {
        await using var tracer = CreateTracer(
            o => o.Filter = new CommandFilter(new CommandSpec("sh", [])) { Follow = true }, LauncherOf(Launched(5)));
        await tracer.StartAsync();
        LeaveADaemon();
        var wait = tracer.WaitForCommandAsync();
        Assert.False(wait.IsCompleted);

        await tracer.StopAsync();

        Assert.Equal(5, await wait.WaitAsync(s_timeout));
    }

    [Fact]
    public async Task With_follow_a_child_the_tracer_had_before_it_started_is_not_waited_for()
    {
        _processes.Add(600, Self, "sidecar", "sidecar");
        await using var tracer = CreateTracer(
            o => o.Filter = new CommandFilter(new CommandSpec("true", [])) { Follow = true, IncludeTracerChildren = true }, LauncherOf(Launched(0)));
        await tracer.StartAsync();
        _source.Fork(Self, Command, 1);
        _source.Exec(Command, 2);
        _source.Exit(Command, 0, 3, Self);

        Assert.Equal(0, await tracer.WaitForCommandAsync().WaitAsync(s_timeout));
    }

    // sh -c 'setsid sh -c daemon &': the command forks 501, which forks the daemon 502 and exits; then the command exits.
    private void LeaveADaemon()
    {
        _processes.Add(Command, Self, "sh", "sh");
        _source.Fork(Self, Command, 1);
        _source.Exec(Command, 2);
        _source.Fork(Command, 501, 3);
        _processes.Add(502, 1, "daemon", "daemon");
        _source.Fork(501, 502, 4);
        _source.Exit(501, 0, 5, Command);
        _source.Exit(Command, 0, 6, Self);
        _processes.Remove(Command);
    }

    private static ILaunchedCommand Launched(int exitCode)
    {
        var launched = Substitute.For<ILaunchedCommand>();
        launched.Pid.Returns(Command);
        launched.WaitForExitAsync(Arg.Any<CancellationToken>()).Returns(exitCode);
        return launched;
    }

    private static ICommandLauncher LauncherOf(ILaunchedCommand launched)
    {
        var launcher = Substitute.For<ICommandLauncher>();
        launcher.Launch(Arg.Any<CommandSpec>()).Returns(launched);
        return launcher;
    }
}
