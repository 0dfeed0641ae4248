using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Netlink;

/// <summary>
/// Parses one made-up datagram of every event kind on the receive thread before the subscription opens, so the
/// first real event of a kind does not wait for the JIT (about 100 µs) while a short-lived process exits.
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
        var ledger = new ForkLedger();
        foreach (var kind in s_kinds)
        {
            CnProcDatagram.WriteEvent(datagram, kind);
            ProcConnectorEventSource.Deliver(datagram, DiscardingSink.Instance, gaps, countGaps: true, ledger);
            ledger.Feed(datagram);
        }

        _ = gaps.TakeLost();
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

        public void OnEventsLost(long count)
        {
        }
    }
}
