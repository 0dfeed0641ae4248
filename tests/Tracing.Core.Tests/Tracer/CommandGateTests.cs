using Tracing.Events;
using Tracing.Tracer.Session;
using Tracing.Tree;

namespace Tracing.Core.Tests.Tracer;

public class CommandGateTests
{
    private const int Tracer = 100;

    [Fact]
    public async Task Holds_events_until_the_command_pid_is_known_then_publishes_only_its_branch()
    {
        var published = new List<TraceEvent>();
        var gate = new CommandGate(published.Add);
        var tree = new ProcessTree(Tracer);
        var command = tree.OnFork(Tracer, 200, 0)!;
        var grandchild = tree.OnFork(200, 201, 0)!;
        var other = tree.OnFork(Tracer, 300, 0)!;
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

        gate.OnProcessEnded(300, other);
        Assert.False(gate.ExitSeen.Task.IsCompleted);
        gate.OnProcessEnded(200, command);
        await gate.ExitSeen.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_command_that_ended_before_its_pid_was_known_is_seen_at_launch()
    {
        var gate = new CommandGate(_ => { });
        var tree = new ProcessTree(Tracer);
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
        var gate = new CommandGate(_ => { });
        var tree = new ProcessTree(Tracer);
        var sibling = tree.OnFork(Tracer, 300, 0)!;

        gate.OnProcessEnded(300, sibling);
        gate.Launched(200);

        Assert.False(gate.ExitSeen.Task.IsCompleted);
    }
}
