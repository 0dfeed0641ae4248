using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Compilation;
using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Netlink;

/// <summary>
/// Runs one made-up datagram of every event kind through the receive path on the receive thread before anything
/// subscribes: out of a <see cref="DatagramBatch"/>, into the sink path and into a fork ledger as a drain of the side
/// socket would, so the first real event of a kind, and the first drain, do not wait for the JIT (about 100 µs each)
/// while a short-lived process exits. Nothing real is touched: the batch, the ledger and the sink are thrown away.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class ReceivePathWarmUp
{
    private static readonly ProcEventWhat[] s_kinds =
    [
        ProcEventWhat.Fork, ProcEventWhat.Exec, ProcEventWhat.Exit, ProcEventWhat.Uid, ProcEventWhat.Gid,
        ProcEventWhat.Sid, ProcEventWhat.Ptrace, ProcEventWhat.Comm, ProcEventWhat.Coredump, ProcEventWhat.None,
    ];

    public static void Run(SequenceGapCounter gaps)
    {
        Span<byte> datagram = stackalloc byte[CnProcDatagram.EventLength];
        using var batch = new DatagramBatch();
        var ledger = new ForkLedger();
        foreach (var kind in s_kinds)
        {
            CnProcDatagram.WriteEvent(datagram, kind);
            batch.Hold(datagram);
            ProcConnectorEventSource.Deliver(batch[0], DiscardingSink.Instance, gaps, countGaps: true, ledger);
            _ = ForkLedgerSocket.Record(ReceiveStatus.Datagram, batch, ledger, NullLogger.Instance);
        }

        _ = gaps.TakeLost();
    }

    /// <summary>
    /// Compiles the receive loop and what its first turn calls, without calling them: the loop starts right after the
    /// subscription, when the first events may already wait, and compiling it there took about 1 ms of the first exec's
    /// lifetime.
    /// </summary>
    public static void CompileLoop()
    {
        AheadOfFirstCall.Compile(typeof(ProcConnectorEventSource), "ReceiveLoop", "ReportLoss");
        AheadOfFirstCall.Compile(typeof(ProcConnectorSocket), "ReceiveBatch", "Wait", "Classify");
        AheadOfFirstCall.Compile(typeof(DatagramBatch), "Receive");
        AheadOfFirstCall.Compile(typeof(LossCounter), "Take");
        AheadOfFirstCall.Compile(typeof(ForkLedgerSocket), "Drain");
        AheadOfFirstCall.Compile(typeof(Interop.Libc), "Poll");
    }

    /// <summary>Takes the made-up events and does nothing with them.</summary>
    private sealed class DiscardingSink : IKernelEventSink
    {
        public static readonly DiscardingSink Instance = new();

        public void Prepare()
        {
        }

        public void OnEvent(in KernelEvent kernelEvent)
        {
        }

        public void OnEventsLost(long count, bool exact)
        {
        }
    }
}
