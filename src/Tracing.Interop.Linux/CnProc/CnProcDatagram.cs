using System.Runtime.InteropServices;

namespace Tracing.Linux.CnProc;

/// <summary>
/// The layout of a proc connector datagram: a <c>nlmsghdr</c>, a <c>cn_msg</c>, then its payload (a
/// <c>proc_event</c> from the kernel, a subscription to it).
/// </summary>
internal static class CnProcDatagram
{
    /// <summary>Where the payload starts: 36.</summary>
    internal const int PayloadOffset = NlMsgHdr.Size + CnMsg.Size;

    /// <summary>The length of a datagram with one whole <c>proc_event</c>: 76.</summary>
    internal const int EventLength = PayloadOffset + ProcEvent.Size;

    /// <summary>
    /// Writes the headers of a datagram of <paramref name="length"/> bytes to the proc connector (<c>NLMSG_DONE</c>,
    /// <c>CN_IDX_PROC</c>/<c>CN_VAL_PROC</c>) and returns its payload, the rest of those bytes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="length"/>.</exception>
    internal static Span<byte> WriteHeaders(Span<byte> destination, int length, uint seq, uint ack)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"The datagram needs {length} bytes.", nameof(destination));
        }

        var header = new NlMsgHdr((uint)length, NlMsgHdr.TypeDone, 0, seq, 0);
        var connector = new CnMsg(CnProcSubscription.CnIdxProc, CnProcSubscription.CnValProc, seq, ack, (ushort)(length - PayloadOffset), 0);
        MemoryMarshal.Write(destination, in header);
        MemoryMarshal.Write(destination[NlMsgHdr.Size..], in connector);
        return destination[PayloadOffset..length];
    }

    /// <summary>Writes a datagram of <see cref="EventLength"/> bytes whose event is a <paramref name="what"/> with every other field 0.</summary>
    internal static void WriteEvent(Span<byte> destination, ProcEventWhat what)
    {
        var payload = WriteHeaders(destination, EventLength, 0, 0);
        payload.Clear();
        MemoryMarshal.Write(payload, in what);
    }
}
