using Tracing.Events;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// <see cref="ExecEvent.TracedParentPid"/> on the whole machine: with exits the tracer keeps a tree and follows orphans
/// and reused pids; without exits or depths it keeps none, and there is no traced parent.
/// </summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task On_the_whole_machine_with_exits_an_exec_names_its_nearest_reported_ancestor()
    {
        AddMachineShell();
        _processes.Add(202, 201, "sh", "sh");          // forks without exec'ing
        _processes.Add(203, 202, "cc", "cc");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);                  // sshd, its parent, was never exec'd while traced
                _source.Fork(200, 201, 2);
                _source.Exec(201, 3);
                _source.Fork(201, 202, 4);
                _source.Fork(202, 203, 5);
                _source.Exec(203, 6);
                _source.Exec(203, 7);
            },
            o => o.IncludeExits = true);

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([200, 201, 203, 203], execs.Select(e => e.Pid));
        Assert.Equal([null, 200, 201, 203], execs.Select(e => e.TracedParentPid));
    }

    [Fact]
    public async Task An_orphan_names_the_reported_ancestor_it_was_forked_under_not_the_process_that_adopted_it()
    {
        AddMachineShell();
        _processes.Add(210, 200, "sh", "sh");          // ( daemon & ): forks, never exec's, exits
        _processes.Add(211, 210, "daemon", "daemon");
        _processes.Add(220, 200, "worker", "worker");  // forked by the shell, which then exits

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);
                _source.Fork(200, 210, 2);
                _source.Fork(210, 211, 3);
                _source.Fork(200, 220, 4);
                _source.Exit(210, 0, 5, 200);
                _processes.Remove(210);
                _processes.Get(211).ParentPid = 1;
                _source.Exit(200, 0, 6, 150);
                _processes.Remove(200);
                _processes.Get(220).ParentPid = 1;
                _source.Exec(211, 7);
                _source.Exec(220, 8);
            },
            o => o.IncludeExits = true);

        var execs = events.OfType<ExecEvent>().ToDictionary(e => e.Pid);
        Assert.Equal(1, execs[211].ParentPid);
        Assert.Equal(200, execs[211].TracedParentPid);
        Assert.Equal(1, execs[220].ParentPid);
        Assert.Equal(200, execs[220].TracedParentPid);
    }

    [Fact]
    public async Task A_reused_pid_is_not_the_reported_process_that_had_it()
    {
        AddMachineShell();

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);
                _source.Fork(200, 201, 2);
                _source.Exec(201, 3);
                _source.Exit(201, 0, 4, 200);
                _processes.Remove(201);
                _processes.Add(201, 150, "sshd", "sshd");
                _source.Fork(150, 201, 5);             // the kernel gives 201 to a child of sshd
                _source.Exec(201, 6);
            },
            o => o.IncludeExits = true);

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([200, 201, 201], execs.Select(e => e.Pid));
        Assert.Equal(200, execs[1].TracedParentPid);
        Assert.Equal(150, execs[2].ParentPid);
        Assert.Null(execs[2].TracedParentPid);
    }

    [Fact]
    public async Task Without_a_tree_there_is_no_traced_parent()
    {
        AddMachineShell();

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);
                _source.Fork(200, 201, 2);
                _source.Exec(201, 3);
                _source.Exec(201, 4);
            });

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([200, 201, 201], execs.Select(e => e.Pid));
        Assert.Equal(200, execs[1].ParentPid);
        Assert.All(execs, e => Assert.Null(e.TracedParentPid));
    }

    [Fact]
    public async Task Depths_alone_keep_a_tree_and_so_a_traced_parent()
    {
        AddMachineShell();

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200, 1);
                _source.Fork(200, 201, 2);
                _source.Exec(201, 3);
            },
            o => o.Details = ExecDetails.Depth);

        Assert.Equal([null, 200], events.OfType<ExecEvent>().Select(e => e.TracedParentPid));
    }

    // sshd (150, never exec'd while traced) → bash (200) → make (201).
    private void AddMachineShell()
    {
        _processes.Add(150, 1, "sshd", "sshd");
        _processes.Add(200, 150, "bash", "bash");
        _processes.Add(201, 200, "make", "make");
    }
}
