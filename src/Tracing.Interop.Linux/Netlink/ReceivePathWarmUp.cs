using System.Buffers.Binary;
using Tracing.Interop.Linux.CnProc;

namespace Tracing.Interop.Linux.Netlink;

/// <summary>
/// Parses one made-up fork datagram before the subscription opens, so the first real event does not wait for
/// the JIT while a short-lived process exits.
/// </summary>
internal static class ReceivePathWarmUp
{
    private const int DatagramLength = 76;

    public static void Run()
    {
        Span<byte> datagram = stackalloc byte[DatagramLength];
        datagram.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(datagram, DatagramLength);           // nlmsg_len
        BinaryPrimitives.WriteUInt16LittleEndian(datagram[4..], 3);                     // NLMSG_DONE
        BinaryPrimitives.WriteUInt32LittleEndian(datagram[16..], CnProcSubscription.CnIdxProc);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram[20..], CnProcSubscription.CnValProc);
        BinaryPrimitives.WriteUInt16LittleEndian(datagram[32..], 40);                   // cn_msg.len
        BinaryPrimitives.WriteUInt32LittleEndian(datagram[36..], (uint)ProcEventWhat.Fork);
        if (!BitConverter.IsLittleEndian)
        {
            return;
        }

        var reader = new CnProcMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            if (message.HasProcEvent)
            {
                _ = CnProcEventMapper.TryToKernelEvent(message.Event, out _);
            }
        }
    }
}
