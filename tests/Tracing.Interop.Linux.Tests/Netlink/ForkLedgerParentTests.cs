using Tracing.Linux.Netlink;
using Tracing.Ports;
using static Tracing.Linux.Tests.Netlink.ForkLedgerEvents;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>Which fork gives an exec its parent: the latest of its own process, none of a thread's.</summary>
public class ForkLedgerParentTests
{
    [Fact]
    public void Completes_an_exec_with_the_parent_of_its_fork()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));

        var exec = ledger.Complete(new KernelEvent { Kind = KernelEventKind.Exec, Pid = 200, Tgid = 200 });

        Assert.Equal(100, exec.ParentTgid);
    }

    [Fact]
    public void Leaves_an_exec_whose_fork_it_did_not_see_without_a_parent()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));

        Assert.Equal(0, Known(ledger.Complete(new KernelEvent { Kind = KernelEventKind.Exec, Pid = 201, Tgid = 201 })));
    }

    [Fact]
    public void Does_not_overwrite_a_parent_the_event_already_has_nor_touch_other_kinds()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));
        var withParent = new KernelEvent { Kind = KernelEventKind.Exec, Pid = 200, Tgid = 200, ParentTgid = 7 };
        var exit = new KernelEvent { Kind = KernelEventKind.Exit, Pid = 200, Tgid = 200 };

        Assert.Equal(withParent, ledger.Complete(withParent));
        Assert.Equal(exit, ledger.Complete(exit));
    }

    [Fact]
    public void A_thread_fork_is_not_a_process_fork()
    {
        // Thread 201 of process 200 is created by 200 itself: taken for a process, it would make 200 its own parent.
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));
        ledger.Record(new KernelEvent { Kind = KernelEventKind.Fork, Pid = 201, Tgid = 200, ParentPid = 200, ParentTgid = 200 });

        Assert.Equal(100, Known(ledger.Complete(Exec(200))));
        Assert.Equal(0, Known(ledger.Complete(Exec(201))));
    }

    [Fact]
    public void A_reused_pid_takes_the_parent_of_its_latest_fork()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));
        ledger.Record(Fork(parent: 300, child: 200));

        Assert.Equal(300, Known(ledger.Complete(Exec(200))));
    }
}
