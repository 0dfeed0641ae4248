using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// Depth below the scope's top, asked with <see cref="ExecDetails.Depth"/>. Every expected depth is counted from the
/// fake process table's parents, the facts the tracer is given, not written down.
/// </summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task A_process_tree_scope_counts_forks_below_its_root()
    {
        AddRootWithDescendants();
        _processes.Add(13, 12, "as", "as");
        _processes.Add(14, 13, "ld", "ld");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(Root);
                _source.Exec(12);      // existed before tracing
                _source.Fork(12, 13, 1);
                _source.Exec(13);
                _source.Fork(13, 14, 2);
                _source.Exec(14);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.Details = ExecDetails.Depth;
            });

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([Root, 12, 13, 14], execs.Select(e => e.Pid));
        Assert.All(execs, e => Assert.Equal(ForksBetween(Root, e.Pid), e.Depth));
    }

    [Fact]
    public async Task A_commands_depth_starts_at_the_command_and_its_CLONE_PARENT_helpers()
    {
        _processes.Add(Command, Self, "make", "make");
        _processes.Add(501, Command, "cc", "cc");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Self, Command, 1);
                _source.Exec(Command, 2);
                _source.Fork(Command, 501, 3);
                _source.Exec(501, 4);
                // clone(CLONE_PARENT) in the command, once it runs: a child of the tracer.
                _processes.Add(502, Self, "helper", "helper");
                _processes.Add(503, 502, "worker", "worker");
                _source.Fork(Self, 502, 5);
                _source.Exec(502, 6);
                _source.Fork(502, 503, 7);
                _source.Exec(503, 8);
            },
            o =>
            {
                o.Filter = new CommandFilter(new CommandSpec("make", [])) { IncludeTracerChildren = true };
                o.Details = ExecDetails.Depth;
            },
            LauncherOf(Launched(0)));

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([Command, 501, 502, 503], execs.Select(e => e.Pid));
        // The tracer is the tree's root; its children, the command first, are the top.
        Assert.All(execs, e => Assert.Equal(ForksBetween(Self, e.Pid) - 1, e.Depth));
    }

    [Fact]
    public async Task Everything_counts_forks_below_pid_1_processes_that_existed_before_tracing_included()
    {
        _processes.Add(150, 1, "sshd", "sshd");
        _processes.Add(200, 150, "bash", "bash");
        _processes.Add(201, 200, "make", "make");
        _processes.Add(202, 201, "cc", "cc");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200);
                _source.Fork(200, 201, 1);
                _source.Exec(201);
                _source.Fork(201, 202, 2);
                _source.Exec(202);
            },
            o => o.Details = ExecDetails.Depth);

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([200, 201, 202], execs.Select(e => e.Pid));
        Assert.All(execs, e => Assert.Equal(ForksBetween(1, e.Pid), e.Depth));
    }

    [Fact]
    public async Task An_adopted_process_keeps_the_depth_it_was_born_at()
    {
        AddRootWithDescendants();
        _processes.Add(13, 12, "daemon", "daemon");
        var born = ForksBetween(Root, 13);

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(12, 13, 1);
                _source.Exit(12, 0, 2, 11);
                _processes.Remove(12);
                _processes.Get(13).ParentPid = 1;
                _source.Exec(13, 3);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.Details = ExecDetails.Depth;
            });

        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(1, exec.ParentPid);
        Assert.Equal(born, exec.Depth);
    }

    [Fact]
    public async Task Without_Depth_asked_there_is_none_even_with_a_tree()
    {
        AddRootWithDescendants();

        var events = await TraceAsync(() => _source.Exec(12), o => o.Filter = ExecTraceFilter.ProcessTree(Root));

        Assert.Null(Assert.IsType<ExecEvent>(Assert.Single(events)).Depth);
    }

    // The forks from ancestor down to pid, along the table's parents as they are now.
    private int ForksBetween(int ancestor, int pid)
    {
        var forks = 0;
        for (var current = pid; current != ancestor; current = _processes.Get(current).ParentPid)
        {
            forks++;
        }

        return forks;
    }
}
