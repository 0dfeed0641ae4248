using System.Runtime.InteropServices;

namespace Tracing.Linux.CnProc;

/// <summary>Encodes the datagrams that subscribe a <c>NETLINK_CONNECTOR</c> socket to proc events.</summary>
// From include/uapi/linux/connector.h and include/uapi/linux/cn_proc.h.
internal static class CnProcSubscription
{
    /// <summary><c>CN_IDX_PROC</c>: the proc connector's index, also its multicast group.</summary>
    public const uint CnIdxProc = 1;

    /// <summary><c>CN_VAL_PROC</c>: the proc connector's value.</summary>
    public const uint CnValProc = 1;

    /// <summary><c>PROC_CN_MCAST_LISTEN</c>: start receiving events.</summary>
    public const uint ProcCnMcastListen = 1;

    /// <summary><c>PROC_CN_MCAST_IGNORE</c>: stop receiving events.</summary>
    public const uint ProcCnMcastIgnore = 2;

    /// <summary>The length of a <see cref="WriteListen"/> datagram.</summary>
    public const int ListenLength = CnProcDatagram.PayloadOffset + sizeof(uint);

    /// <summary>The length of a <see cref="WriteProcInput"/> datagram.</summary>
    public const int ProcInputLength = CnProcDatagram.PayloadOffset + (2 * sizeof(uint));

    /// <summary>
    /// Writes a subscription with a 4-byte <c>mcast_op</c> payload (every kernel, every event) into
    /// <paramref name="destination"/> and returns its length, <see cref="ListenLength"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="ListenLength"/>.</exception>
    public static int WriteListen(Span<byte> destination, uint seq, uint ack, uint op)
    {
        var payload = CnProcDatagram.WriteHeaders(destination, ListenLength, seq, ack);
        MemoryMarshal.Write(payload, in op);
        return ListenLength;
    }

    /// <summary>
    /// Writes a subscription with a <c>struct proc_input</c> payload (Linux 6.6+: <paramref name="eventTypeMask"/>
    /// of <see cref="ProcEventWhat"/> bits filters in the kernel, 0 means all) into <paramref name="destination"/>
    /// and returns its length, <see cref="ProcInputLength"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="ProcInputLength"/>.</exception>
    public static int WriteProcInput(Span<byte> destination, uint seq, uint ack, uint op, uint eventTypeMask)
    {
        var payload = CnProcDatagram.WriteHeaders(destination, ProcInputLength, seq, ack);
        MemoryMarshal.Write(payload, in op);
        MemoryMarshal.Write(payload[sizeof(uint)..], in eventTypeMask);
        return ProcInputLength;
    }
}
