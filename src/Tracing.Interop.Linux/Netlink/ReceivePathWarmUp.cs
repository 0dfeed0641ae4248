using System.Buffers.Binary;
using Tracing.Interop.Linux.CnProc;

namespace Tracing.Interop.Linux.Netlink;

/// <summary>
/// Parses one made-up datagram of every event kind on the receive thread before the subscription opens, so the
/// first real event of a kind does not wait for the JIT (about 100 µs) while a short-lived process exits.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class ReceivePathWarmUp
{
    private const int DatagramLength = 76;

    private static readonly ProcEventWhat[] s_kinds =
    [
        ProcEventWhat.Fork, ProcEventWhat.Exec, ProcEventWhat.Exit, ProcEventWhat.Uid, ProcEventWhat.Gid,
        ProcEventWhat.Sid, ProcEventWhat.Ptrace, ProcEventWhat.Comm, ProcEventWhat.Coredump, ProcEventWhat.None,
    ];

    public static void Run(SequenceGapCounter gaps)
    {
        if (!BitConverter.IsLittleEndian)
        {
            return;
        }

        Span<byte> datagram = stackalloc byte[DatagramLength];
        var ledger = new ForkLedger();
        foreach (var kind in s_kinds)
        {
            datagram.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(datagram, DatagramLength);           // nlmsg_len
            BinaryPrimitives.WriteUInt16LittleEndian(datagram[4..], 3);                     // NLMSG_DONE
            BinaryPrimitives.WriteUInt32LittleEndian(datagram[16..], CnProcSubscription.CnIdxProc);
            BinaryPrimitives.WriteUInt32LittleEndian(datagram[20..], CnProcSubscription.CnValProc);
            BinaryPrimitives.WriteUInt16LittleEndian(datagram[32..], 40);                   // cn_msg.len
            BinaryPrimitives.WriteUInt32LittleEndian(datagram[36..], (uint)kind);
            ProcConnectorEventSource.Deliver(datagram, DiscardingSink.Instance, gaps, countGaps: true, ledger);
            ledger.Feed(datagram);
        }

        _ = gaps.TakeLost();
    }

    /// <summary>Takes the made-up events and does nothing with them.</summary>
    private sealed class DiscardingSink : Tracing.Ports.IKernelEventSink
    {
        public static readonly DiscardingSink Instance = new();

        public void Prepare()
        {
        }

        public void OnEvent(in Tracing.Ports.KernelEvent kernelEvent)
        {
        }

        public void OnEventsLost(long count)
        {
        }
    }
}
