using Tracing.Linux.Netlink;
using static Tracing.Linux.Tests.Netlink.ForkLedgerEvents;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>What the ledger forgets: everything after an overflow, everything when it would grow past its bound.</summary>
public class ForkLedgerBoundsTests
{
    [Fact]
    public void After_an_overflow_nothing_is_trusted()
    {
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200));
        ledger.Record(Fork(parent: 100, child: 201));

        ledger.Forget();

        Assert.Equal(0, Known(ledger.Complete(Exec(200))));
        Assert.Equal(0, Known(ledger.Complete(Exec(201))));
    }

    [Fact]
    public void Stays_bounded_when_processes_fork_and_never_exec()
    {
        // Forks of MaxEntries + 10 processes, none of which execs: the first are forgotten, the latest are kept.
        var ledger = new ForkLedger();
        for (var pid = 2; pid <= ForkLedger.MaxEntries + 11; pid++)
        {
            ledger.Record(Fork(parent: 1, child: pid));
        }

        Assert.Equal(0, Known(ledger.Complete(Exec(2))));
        Assert.Equal(1, Known(ledger.Complete(Exec(ForkLedger.MaxEntries + 11))));
    }
}
