using Tracing.Linux.Netlink;
using Tracing.Linux.Tests.CnProc;
using static Tracing.Linux.Tests.Netlink.ForkLedgerEvents;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>The ledger fed datagrams: the recorded feed, and bytes no kernel would send.</summary>
public class ForkLedgerFeedTests
{
    [Fact]
    public void Replaying_the_recorded_feed_gives_each_exec_the_parent_of_its_latest_fork()
    {
        // The oracle is expected.jsonl's decoding of each datagram, not this parser's: the parent of the exec'ing
        // process's latest fork, when that forker had neither exited nor been forked anew since.
        var ledger = new ForkLedger();
        var forks = new Dictionary<int, (int Parent, int At)>();
        var lastExit = new Dictionary<int, int>();
        var position = 0;
        var execsChecked = 0;
        var parentsFound = 0;
        foreach (var file in CnProcFixtures.BinFiles("feed"))
        {
            ledger.Feed(CnProcFixtures.Read(file));
            foreach (var message in ExpectedDatagrams.Lines[file]["messages"]!.AsArray())
            {
                position++;
                var procEvent = message!["proc_event"];
                switch ((string?)procEvent?["kind"])
                {
                    case "fork" when (int)procEvent!["child_pid"]! == (int)procEvent["child_tgid"]!:
                        forks[(int)procEvent["child_tgid"]!] = ((int)procEvent["parent_tgid"]!, position);
                        break;
                    case "exit" when (int)procEvent!["process_pid"]! == (int)procEvent["process_tgid"]!:
                        lastExit[(int)procEvent["process_tgid"]!] = position;
                        break;
                    case "exec":
                        var tgid = (int)procEvent!["process_tgid"]!;
                        var expected = forks.TryGetValue(tgid, out var fork) && Lives(fork.Parent, since: fork.At) ? fork.Parent : 0;
                        var exec = ledger.Complete(Exec(tgid, at: (long)procEvent["timestamp_ns"]!));
                        Assert.Equal(expected, Known(exec));
                        execsChecked++;
                        parentsFound += expected != 0 ? 1 : 0;
                        break;
                }
            }
        }

        Assert.True(execsChecked > 0, "the feed has no exec to check");
        Assert.True(parentsFound > 0, "no exec of the feed found its fork");

        bool Lives(int forker, int since) =>
            !(lastExit.TryGetValue(forker, out var exited) && exited > since) && !(forks.TryGetValue(forker, out var again) && again.At > since);
    }

    [Fact]
    public void Feeding_hostile_bytes_does_not_throw_and_leaves_the_ledger_usable()
    {
        var ledger = new ForkLedger();
        foreach (var datagram in CnProcGenerators.Fixtures)
        {
            ledger.Feed(datagram);
            ledger.Feed(datagram.AsSpan(0, datagram.Length / 2));
        }

        // Whatever the fixtures made it record, a fork recorded now gives the exec after it its parent.
        const int Child = 4_194_000;
        ledger.Record(Fork(parent: 4_194_001, child: Child, at: long.MaxValue - 1));
        Assert.Equal(4_194_001, Known(ledger.Complete(Exec(Child, at: long.MaxValue))));
    }
}
