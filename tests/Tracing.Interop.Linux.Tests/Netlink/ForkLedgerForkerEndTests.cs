using Tracing.Linux.Netlink;
using Tracing.Ports;
using static Tracing.Linux.Tests.Netlink.ForkLedgerEvents;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>
/// A forker that had ended by the exec is no longer its parent (the kernel re-parented the child): the ledger says so
/// (<see cref="KernelEvent.ForkerEnded"/>), so that the tracer reads the parent from the process.
/// </summary>
public class ForkLedgerForkerEndTests
{
    [Fact]
    public void Leaves_an_exec_whose_forker_ended_before_it_to_be_read_from_the_process()
    {
        // The double fork of a daemon: 200 forks 300 and exits; the kernel re-parents 300, which then execs.
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200, at: 1));
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(Exit(200, at: 3));

        Assert.Equal(0, Known(ledger.Complete(Exec(300, at: 4))));
        Assert.Equal(100, Known(ledger.Complete(Exec(200, at: 4))));
    }

    [Fact]
    public void Reports_the_facts_the_forker_and_its_end_not_a_verdict()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200, at: 1));
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(Exit(200, at: 3));

        var orphan = ledger.Complete(Exec(300, at: 4));
        var child = ledger.Complete(Exec(200, at: 4));

        Assert.Equal((200, true), (orphan.ParentTgid, orphan.ForkerEnded));
        Assert.Equal((100, false), (child.ParentTgid, child.ForkerEnded));
    }

    [Fact]
    public void A_forker_that_ends_after_the_exec_was_still_its_parent()
    {
        // The side socket is drained before the batch of execs is delivered: it may hold exits that came later.
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(Exit(200, at: 9));

        Assert.Equal(200, Known(ledger.Complete(Exec(300, at: 4))));
    }

    [Fact]
    public void A_forker_whose_pid_was_reused_after_the_fork_had_ended()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(Fork(parent: 1, child: 200, at: 3));

        Assert.Equal(0, Known(ledger.Complete(Exec(300, at: 4))));
    }

    [Fact]
    public void A_forker_whose_leader_exited_before_the_fork_is_not_known_to_live()
    {
        // pthread_exit in the main thread: the process lives on and forks from another thread; its end will be a thread's
        // exit, which the side socket never queues, so the ledger cannot say it still lives: the process is asked.
        var ledger = new ForkLedger();
        ledger.Record(Exit(200, at: 1));
        ledger.Record(Fork(parent: 200, child: 300, at: 2));

        Assert.Equal(0, Known(ledger.Complete(Exec(300, at: 4))));
    }

    [Fact]
    public void A_forker_that_execs_after_its_leaders_exit_lives()
    {
        // de_thread: another thread of 200 execs; the old leader's exit comes first, then the exec of 200.
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 1));
        ledger.Record(Exit(200, at: 2));
        ledger.Complete(Exec(200, at: 3));

        Assert.Equal(200, Known(ledger.Complete(Exec(300, at: 4))));
    }

    [Fact]
    public void A_thread_exit_is_not_a_process_exit()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(new KernelEvent { Kind = KernelEventKind.Exit, Pid = 201, Tgid = 200, TimestampNs = 3, ExitSignal = -1 });

        Assert.Equal(200, Known(ledger.Complete(Exec(300, at: 4))));
    }
}
