using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Linux.Netlink;
using Tracing.Linux.Tests.CnProc;
using static Tracing.Linux.Tests.Netlink.ForkLedgerEvents;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>What one receive of the side socket does to the ledger: the step a drain repeats and the warm-up runs.</summary>
public class ForkLedgerSocketRecordTests
{
    [Fact]
    public void A_received_fork_reaches_the_ledger_and_a_part_filled_batch_ends_the_drain()
    {
        using var batch = new DatagramBatch();
        var ledger = new ForkLedger();
        batch.Hold(CnProcDatagramBuilder.Fork(100, 100, 200, 200, timestampNs: 10));

        var more = ForkLedgerSocket.Record(ReceiveStatus.Datagram, batch, ledger, NullLogger.Instance);

        Assert.False(more);
        Assert.Equal(100, ledger.Complete(Exec(200, at: 20)).ParentTgid);
    }

    [Fact]
    public void An_overflow_forgets_every_fork_and_the_drain_goes_on()
    {
        using var batch = new DatagramBatch();
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200, at: 10));

        var more = ForkLedgerSocket.Record(ReceiveStatus.Overflow, batch, ledger, NullLogger.Instance);

        Assert.True(more);
        Assert.Equal(0, ledger.Complete(Exec(200, at: 20)).ParentTgid);
    }

    [Fact]
    public void Nothing_queued_ends_the_drain_and_leaves_the_ledger_alone()
    {
        using var batch = new DatagramBatch();
        var ledger = new ForkLedger();
        ledger.Record(Fork(parent: 100, child: 200, at: 10));

        Assert.False(ForkLedgerSocket.Record(ReceiveStatus.Timeout, batch, ledger, NullLogger.Instance));
        Assert.False(ForkLedgerSocket.Record(ReceiveStatus.Woken, batch, ledger, NullLogger.Instance));
        Assert.Equal(100, ledger.Complete(Exec(200, at: 20)).ParentTgid);
    }
}
