using Tracing.Events;
using Tracing.Tracer.Session;
using Tracing.Tree;

namespace Tracing.Core.Tests.Tracer;

public class CommandGateTests
{
    private const int Tracer = 100;

    [Fact]
    public async Task Holds_events_until_the_command_pid_is_known_then_publishes_only_its_subtree()
    {
        var published = new List<TraceEvent>();
        var tree = new ProcessTree(Tracer);
        tree.Synchronize(new Dictionary<int, int> { [Tracer] = 1, [300] = Tracer }, removeDead: false);
        var gate = new CommandGate(published.Add, tree, claimsTracerChildren: true);
        gate.ExcludeExisting();
        var other = tree.TryGet(300, out var node) ? node : throw new InvalidOperationException();
        var command = tree.OnFork(Tracer, 200, 0)!;
        var grandchild = tree.OnFork(200, 201, 0)!;
        var ofCommand = new ExecEvent { Pid = 201 };
        var ofOther = new ExecEvent { Pid = 300 };

        gate.Offer(grandchild, ofCommand);
        gate.Offer(other, ofOther);
        Assert.Empty(published);

        gate.Launched(command.Pid);
        Assert.Equal([ofCommand], published);

        var later = new ExitEvent { Pid = 200 };
        gate.Offer(command, later);
        gate.Offer(other, new ExitEvent { Pid = 300 });
        Assert.Equal([ofCommand, later], published);
        Assert.False(gate.ExitSeen.Task.IsCompleted);

        tree.OnExit(300);
        gate.OnProcessEnded(300, other);
        Assert.False(gate.ExitSeen.Task.IsCompleted);
        tree.OnExit(200);
        gate.OnProcessEnded(200, command);
        await gate.ExitSeen.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(gate.SubtreeEnded.Task.IsCompleted);
        tree.OnExit(201);
        gate.OnProcessEnded(201, grandchild);
        Assert.True(gate.SubtreeEnded.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_child_of_the_tracer_forked_after_it_started_is_the_commands_helper_before_and_after_launch()
    {
        var published = new List<TraceEvent>();
        var tree = new ProcessTree(Tracer);
        var gate = new CommandGate(published.Add, tree, claimsTracerChildren: true);
        gate.ExcludeExisting();
        var command = tree.OnFork(Tracer, 200, 1)!;
        var early = tree.OnFork(Tracer, 300, 2)!;
        var ofEarly = new ExecEvent { Pid = 300 };
        gate.Offer(early, ofEarly);

        gate.Launched(command.Pid);
        var late = tree.OnFork(Tracer, 400, 3)!;
        var ofLate = new ExecEvent { Pid = 400 };
        gate.Offer(late, ofLate);

        Assert.Equal([ofEarly, ofLate], published);
    }

    [Fact]
    public void Without_the_claim_only_the_commands_branch_passes_and_ends()
    {
        var published = new List<TraceEvent>();
        var tree = new ProcessTree(Tracer);
        var gate = new CommandGate(published.Add, tree, claimsTracerChildren: false);
        gate.ExcludeExisting();
        var command = tree.OnFork(Tracer, 200, 1)!;
        var other = tree.OnFork(Tracer, 300, 2)!;
        gate.Launched(command.Pid);
        var ofCommand = new ExecEvent { Pid = 200 };
        gate.Offer(command, ofCommand);
        gate.Offer(other, new ExecEvent { Pid = 300 });
        Assert.Equal([ofCommand], published);

        tree.OnExit(200);
        gate.OnProcessEnded(200, command);
        Assert.True(gate.SubtreeEnded.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public void The_subtree_ends_with_its_last_process_not_with_the_command()
    {
        var tree = new ProcessTree(Tracer);
        var gate = new CommandGate(_ => { }, tree, claimsTracerChildren: true);
        gate.ExcludeExisting();
        var command = tree.OnFork(Tracer, 200, 1)!;
        var helper = tree.OnFork(Tracer, 300, 2)!;
        gate.Launched(command.Pid);

        tree.OnExit(200);
        gate.OnProcessEnded(200, command);
        Assert.True(gate.ExitSeen.Task.IsCompleted);
        Assert.False(gate.SubtreeEnded.Task.IsCompleted);

        tree.OnExit(300);
        gate.OnProcessEnded(300, helper);
        Assert.True(gate.SubtreeEnded.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public void An_empty_tree_at_launch_is_no_end_of_the_subtree_the_commands_fork_may_not_be_read_yet()
    {
        var tree = new ProcessTree(Tracer);
        var gate = new CommandGate(_ => { }, tree, claimsTracerChildren: true);
        gate.ExcludeExisting();

        gate.Launched(200);
        Assert.False(gate.SubtreeEnded.Task.IsCompleted);

        var command = tree.OnFork(Tracer, 200, 1)!;
        gate.OnResynchronized();
        Assert.False(gate.SubtreeEnded.Task.IsCompleted);
        tree.OnExit(200);
        gate.OnProcessEnded(200, command);
        Assert.True(gate.SubtreeEnded.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_command_that_ended_before_its_pid_was_known_is_seen_at_launch()
    {
        var tree = new ProcessTree(Tracer);
        var gate = new CommandGate(_ => { }, tree, claimsTracerChildren: true);
        var command = tree.OnFork(Tracer, 200, 0)!;
        var sibling = tree.OnFork(Tracer, 300, 0)!;

        gate.OnProcessEnded(300, sibling);
        gate.OnProcessEnded(200, command);
        Assert.False(gate.ExitSeen.Task.IsCompleted);

        gate.Launched(200);
        Assert.True(gate.ExitSeen.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_sibling_that_ended_before_launch_does_not_count_as_the_command()
    {
        var tree = new ProcessTree(Tracer);
        var gate = new CommandGate(_ => { }, tree, claimsTracerChildren: true);
        var sibling = tree.OnFork(Tracer, 300, 0)!;

        gate.OnProcessEnded(300, sibling);
        gate.Launched(200);

        Assert.False(gate.ExitSeen.Task.IsCompleted);
    }
}
