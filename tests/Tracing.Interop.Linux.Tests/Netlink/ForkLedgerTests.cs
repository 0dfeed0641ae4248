using Tracing.Linux.Netlink;
using Tracing.Linux.Tests.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Tests.Netlink;

public class ForkLedgerTests
{
    [Fact]
    public void Replaying_the_recorded_feed_gives_each_exec_the_parent_of_its_latest_fork()
    {
        // The oracle is expected.jsonl's decoding of each datagram, not this parser's.
        var ledger = new ForkLedger();
        var oracle = new Dictionary<int, int>();
        var execsChecked = 0;
        var parentsFound = 0;
        foreach (var file in CnProcFixtures.BinFiles("feed"))
        {
            ledger.Feed(CnProcFixtures.Read(file));
            foreach (var message in ExpectedDatagrams.Lines[file]["messages"]!.AsArray())
            {
                var procEvent = message!["proc_event"];
                switch ((string?)procEvent?["kind"])
                {
                    case "fork" when (int)procEvent!["child_pid"]! == (int)procEvent["child_tgid"]!:
                        oracle[(int)procEvent["child_tgid"]!] = (int)procEvent["parent_tgid"]!;
                        break;
                    case "exec":
                        var tgid = (int)procEvent!["process_tgid"]!;
                        var found = ledger.TryGetParent(tgid, out var parent);
                        Assert.Equal(oracle.TryGetValue(tgid, out var expected), found);
                        Assert.Equal(expected, parent);
                        execsChecked++;
                        parentsFound += found ? 1 : 0;
                        break;
                }
            }
        }

        Assert.True(execsChecked > 0, "the feed has no exec to check");
        Assert.True(parentsFound > 0, "no exec of the feed found its fork");
    }

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

        Assert.Equal(0, ledger.Complete(new KernelEvent { Kind = KernelEventKind.Exec, Pid = 201, Tgid = 201 }).ParentTgid);
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
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));
        ledger.Record(new KernelEvent { Kind = KernelEventKind.Fork, Pid = 201, Tgid = 200, ParentPid = 200, ParentTgid = 200 });

        Assert.True(ledger.TryGetParent(200, out var parent));
        Assert.Equal(100, parent);
        Assert.False(ledger.TryGetParent(201, out _));
    }

    [Fact]
    public void A_reused_pid_takes_the_parent_of_its_latest_fork()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));
        ledger.Record(Fork(parent: 300, child: 200));

        Assert.True(ledger.TryGetParent(200, out var parent));
        Assert.Equal(300, parent);
    }

    [Fact]
    public void Leaves_an_exec_whose_forker_ended_before_it_to_be_read_from_the_process()
    {
        // The double fork of a daemon: 200 forks 300 and exits; the kernel re-parents 300, which then execs.
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200, at: 1));
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(Exit(200, at: 3));

        Assert.Equal(0, ledger.Complete(Exec(300, at: 4)).ParentTgid);
        Assert.Equal(100, ledger.Complete(Exec(200, at: 4)).ParentTgid);
    }

    [Fact]
    public void A_forker_that_ends_after_the_exec_was_still_its_parent()
    {
        // The side socket is drained before the batch of execs is delivered: it may hold exits that came later.
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(Exit(200, at: 9));

        Assert.Equal(200, ledger.Complete(Exec(300, at: 4)).ParentTgid);
    }

    [Fact]
    public void A_forker_whose_pid_was_reused_after_the_fork_had_ended()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(Fork(parent: 1, child: 200, at: 3));

        Assert.Equal(0, ledger.Complete(Exec(300, at: 4)).ParentTgid);
    }

    [Fact]
    public void A_forker_whose_leader_exited_before_the_fork_is_not_known_to_live()
    {
        // pthread_exit in the main thread: the process lives on and forks from another thread; its end will be a thread's
        // exit, which the side socket never queues, so the ledger cannot say it still lives: the process is asked.
        var ledger = new ForkLedger();
        ledger.Record(Exit(200, at: 1));
        ledger.Record(Fork(parent: 200, child: 300, at: 2));

        Assert.Equal(0, ledger.Complete(Exec(300, at: 4)).ParentTgid);
    }

    [Fact]
    public void A_forker_that_execs_after_its_leaders_exit_lives()
    {
        // de_thread: another thread of 200 execs; the old leader's exit comes first, then the exec of 200.
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 1));
        ledger.Record(Exit(200, at: 2));
        ledger.Complete(Exec(200, at: 3));

        Assert.Equal(200, ledger.Complete(Exec(300, at: 4)).ParentTgid);
    }

    [Fact]
    public void A_thread_exit_is_not_a_process_exit()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 200, child: 300, at: 2));
        ledger.Record(new KernelEvent { Kind = KernelEventKind.Exit, Pid = 201, Tgid = 200, TimestampNs = 3, ExitSignal = -1 });

        Assert.Equal(200, ledger.Complete(Exec(300, at: 4)).ParentTgid);
    }

    [Fact]
    public void After_an_overflow_nothing_is_trusted()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));

        ledger.Forget();

        Assert.False(ledger.TryGetParent(200, out _));
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public void Stays_bounded_when_processes_fork_and_never_exec()
    {
        var ledger = new ForkLedger();
        for (var pid = 1; pid <= ForkLedger.MaxEntries + 10; pid++)
        {
            ledger.Record(Fork(parent: 1, child: pid + 1));
        }

        Assert.InRange(ledger.Count, 1, ForkLedger.MaxEntries);
        Assert.True(ledger.TryGetParent(ForkLedger.MaxEntries + 11, out _), "the latest fork is kept");
    }

    [Fact]
    public void Feeding_hostile_bytes_records_nothing_and_does_not_throw()
    {
        var ledger = new ForkLedger();
        foreach (var datagram in CnProcGenerators.Fixtures)
        {
            ledger.Feed(datagram);
            ledger.Feed(datagram.AsSpan(0, datagram.Length / 2));
        }

        // Whatever the synthetic fixtures hold, only well-formed process forks may be recorded.
        Assert.InRange(ledger.Count, 0, CnProcGenerators.Fixtures.Count);
    }

    private static KernelEvent Fork(int parent, int child, long at = 0) => new()
    {
        Kind = KernelEventKind.Fork,
        TimestampNs = at,
        Pid = child,
        Tgid = child,
        ParentPid = parent,
        ParentTgid = parent,
    };

    private static KernelEvent Exit(int pid, long at) => new()
    {
        Kind = KernelEventKind.Exit,
        TimestampNs = at,
        Pid = pid,
        Tgid = pid,
        ExitSignal = 17,
    };

    private static KernelEvent Exec(int pid, long at) => new() { Kind = KernelEventKind.Exec, TimestampNs = at, Pid = pid, Tgid = pid };
}
