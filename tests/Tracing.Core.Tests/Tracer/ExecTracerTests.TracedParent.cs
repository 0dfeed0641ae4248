using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// <see cref="ExecEvent.TracedParentPid"/> in a command's and a process tree's scope: the process itself on a re-exec,
/// else its nearest ancestor whose exec this tracer reported, else null. Every expectation is such an ancestor, never
/// the kernel's parent where the two differ.
/// </summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task In_a_commands_scope_an_exec_names_its_nearest_reported_ancestor_or_itself_on_a_re_exec()
    {
        _processes.Add(Command, Self, "make", "make");
        _processes.Add(501, Command, "sh", "sh");
        _processes.Add(502, 501, "sh", "sh");          // forks without exec'ing
        _processes.Add(503, 502, "cc", "cc");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Self, Command, 1);
                _source.Exec(Command, 2);
                _source.Fork(Command, 501, 3);
                _source.Exec(501, 4);
                _source.Fork(501, 502, 5);
                _source.Fork(502, 503, 6);
                _source.Exec(503, 7);
                _source.Exec(501, 8);                  // sh exec's its last command
            },
            o =>
            {
                o.Filter = new CommandFilter(new CommandSpec("make", []));
                o.IncludeExits = true;
            },
            LauncherOf(Launched(0)));

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([Command, 501, 503, 501], execs.Select(e => e.Pid));
        Assert.Equal(Self, execs[0].ParentPid);
        Assert.Null(execs[0].TracedParentPid);         // the tracer launched it; the tracer reported no exec of its own
        Assert.Equal(Command, execs[1].TracedParentPid);
        Assert.Equal(502, execs[2].ParentPid);
        Assert.Equal(501, execs[2].TracedParentPid);   // past the parent that only forked
        Assert.Equal(501, execs[3].TracedParentPid);   // the new program replaces the one reported
    }

    [Fact]
    public async Task In_a_process_trees_scope_processes_that_existed_before_tracing_are_no_reported_ancestors()
    {
        AddRootWithDescendants();                      // Root → 11 → 12, none exec'd while traced
        _processes.Add(13, 12, "as", "as");
        _processes.Add(14, 11, "ld", "ld");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(11, 14, 1);
                _source.Exec(14, 2);
                _source.Exec(12, 3);
                _source.Fork(12, 13, 4);
                _source.Exec(13, 5);
                _source.Exec(Root, 6);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.IncludeExits = true;
            });

        var execs = events.OfType<ExecEvent>().ToDictionary(e => e.Pid);
        Assert.Equal([14, 12, 13, Root], events.OfType<ExecEvent>().Select(e => e.Pid));
        // Their exits are reported, yet no exec of theirs was: the tree began before tracing started.
        Assert.Null(execs[Root].TracedParentPid);
        Assert.Null(execs[14].TracedParentPid);
        Assert.Null(execs[12].TracedParentPid);
        Assert.Equal(12, execs[13].TracedParentPid);
    }

    [Fact]
    public async Task In_a_process_trees_scope_a_descendant_of_the_exec_d_root_names_the_root()
    {
        AddRootWithDescendants();
        _processes.Add(13, 12, "as", "as");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(Root, 1);
                _source.Exec(Root, 2);
                _source.Exec(13, 3);                   // forked before tracing, its parents never exec'd
                _processes.Add(30, Root, "sh", "sh");
                _processes.Add(31, 30, "cc", "cc");
                _source.Fork(Root, 30, 4);
                _source.Fork(30, 31, 5);
                _source.Exec(31, 6);
            },
            o => o.Filter = ExecTraceFilter.ProcessTree(Root));

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([Root, Root, 13, 31], execs.Select(e => e.Pid));
        Assert.Equal([null, Root, Root, Root], execs.Select(e => e.TracedParentPid));
    }

    [Fact]
    public async Task An_exec_the_conditions_did_not_report_is_no_reported_ancestor()
    {
        AddRootWithDescendants();
        _processes.Add(30, Root, "git", "git", "status");
        _processes.Add(31, 30, "sh", "sh");
        _processes.Add(32, 31, "git", "git", "rev-parse");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, 30, 1);
                _source.Exec(30, 2);
                _source.Fork(30, 31, 3);
                _source.Exec(31, 4);                   // sh: not reported
                _source.Fork(31, 32, 5);
                _source.Exec(32, 6);
                _processes.Get(31).CommandName = "git";
                _source.Exec(31, 7);                   // now git: its first reported exec, no re-exec
            },
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.Conditions.Add(ExecCondition.CommandName("git"));
            });

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([30, 32, 31], execs.Select(e => e.Pid));
        Assert.Equal([null, 30, 30], execs.Select(e => e.TracedParentPid));
    }
}
