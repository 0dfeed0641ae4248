using NSubstitute;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    private static void InTree(ExecTracingOptions o, params ExecCondition[] conditions)
    {
        o.Filter = ExecTraceFilter.ProcessTree(Root);
        foreach (var condition in conditions)
        {
            o.Conditions.Add(condition);
        }
    }

    private static void InTreeWithExits(ExecTracingOptions o, params ExecCondition[] conditions)
    {
        InTree(o, conditions);
        o.IncludeExits = true;
    }

    [Fact]
    public async Task Command_name_condition_reports_matching_execs_under_a_shell_that_does_not_match()
    {
        AddRootWithDescendants();
        _processes.Add(30, Root, "sh", "sh", "-c", "git status; ls");
        _processes.Add(31, 30, "git", "git", "status");
        _processes.Add(32, 30, "ls", "ls");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, 30, 1_000);
                _source.Exec(30, 1_100);
                _source.Fork(30, 31, 1_200);
                _source.Exec(31, 1_300);
                _source.Fork(30, 32, 1_400);
                _source.Exec(32, 1_500);
                _source.Exit(31, 0, 2_000, 30);
                _source.Exit(32, 0, 2_100, 30);
                _source.Exit(30, 0, 2_200, Root);
            },
            o => InTreeWithExits(o, ExecCondition.CommandName("git")));

        // The shell is followed (its child git is in scope) but neither its exec nor its exit is reported; nor ls's.
        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(31, exec.Pid);
        Assert.Equal(30, exec.ParentPid);
        Assert.Equal(["git", "status"], exec.Arguments.Strings);
        var exit = Assert.Single(events.OfType<ExitEvent>());
        Assert.Equal(31, exit.Pid);
        Assert.Equal("git", exit.CommandName);
    }

    [Fact]
    public async Task A_process_that_execs_twice_is_reported_from_its_matching_exec_with_one_exit()
    {
        AddRootWithDescendants();
        var process = _processes.Add(30, Root, "bash", "bash", "-c", "exec git log");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, 30, 1_000);
                _source.Exec(30, 1_100);
                process.CommandName = "git";
                process.Argv = ["git", "log"];
                _source.Exec(30, 1_200);
                _source.Exit(30, 256, 2_000, Root);
            },
            o => InTreeWithExits(o, ExecCondition.CommandName("git")));

        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(["git", "log"], exec.Arguments.Strings);
        var exit = Assert.Single(events.OfType<ExitEvent>());
        Assert.Equal(30, exit.Pid);
        Assert.Equal(1, exit.ExitCode);
    }

    [Fact]
    public async Task A_process_whose_execs_never_match_has_no_exit_reported()
    {
        AddRootWithDescendants();
        _processes.Add(30, Root, "make", "make");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, 30, 1_000);
                _source.Exec(30, 1_100);
                _source.Exit(30, 0, 2_000, Root);
            },
            o => InTreeWithExits(o, ExecCondition.CommandName("git", "cc")));

        Assert.Empty(events);
    }

    [Fact]
    public async Task Real_uid_condition_matches_the_real_id_not_the_effective_one()
    {
        _processes.Add(40, 1, "passwd", "passwd").RealUid = 1000;
        _processes.Get(40).EffectiveUid = 0;
        _processes.Add(41, 1, "daemon", "daemon").RealUid = 0;
        _processes.Get(41).EffectiveUid = 1000;
        var withPidfd = _processes.Add(42, 1, "sh", "sh");
        (withPidfd.RealUid, withPidfd.EffectiveUid, withPidfd.IdentityReadable) = (1000, 1000, true);

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(40);
                _source.Exec(41);
                _source.Exec(42);
            },
            o => o.Conditions.Add(ExecCondition.RealUid(1000, 4242)));

        Assert.Equal([40, 42], ExecPids(events));
        Assert.Equal(0u, events.OfType<ExecEvent>().First().EffectiveUid);
    }

    [Fact]
    public async Task Conditions_of_different_kinds_must_all_hold()
    {
        _processes.Add(40, 1, "git", "git").RealUid = 1000;
        _processes.Add(41, 1, "git", "git").RealUid = 0;
        _processes.Add(42, 1, "make", "make").RealUid = 1000;
        foreach (var pid in new[] { 40, 41, 42 })
        {
            _processes.Get(pid).EffectiveUid = _processes.Get(pid).RealUid;
        }

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(40);
                _source.Exec(41);
                _source.Exec(42);
            },
            o =>
            {
                o.Conditions.Add(ExecCondition.CommandName("git"));
                o.Conditions.Add(ExecCondition.RealUid(1000));
            });

        Assert.Equal([40], ExecPids(events));
    }

    [Fact]
    public async Task An_exec_gone_before_its_conditions_could_tell_is_a_loss_not_silence()
    {
        var events = await TraceAsync(() => _source.Exec(777), o => o.Conditions.Add(ExecCondition.CommandName("git")));

        var lost = Assert.IsType<EventsLostEvent>(Assert.Single(events));
        Assert.Equal((LossReason.MatchUndecided, 777, 1L), (lost.Reason, lost.Pid, lost.Count));
    }

    [Fact]
    public async Task Processes_in_scope_at_start_have_their_exits_reported_only_when_they_match()
    {
        AddRootWithDescendants();

        var events = await TraceAsync(
            () =>
            {
                _source.Exit(12, 0, 9_000_000_000, 11);
                _source.Exit(11, 0, 9_100_000_000, Root);
            },
            o => InTreeWithExits(o, ExecCondition.CommandName("cc")));

        var exit = Assert.Single(events.OfType<ExitEvent>());
        Assert.Equal((12, "cc"), (exit.Pid, exit.CommandName));
    }
}
