using System.Buffers.Binary;
using Tracing.Linux.CnProc;

namespace Tracing.Linux.Tests.CnProc;

public class CnProcSubscriptionTests
{
    [Fact]
    public void WriteListen_encodes_nlmsghdr_cn_msg_and_the_mcast_op()
    {
        var buffer = new byte[64];
        Array.Fill(buffer, (byte)0xAA);

        var length = CnProcSubscription.WriteListen(buffer, seq: 7, ack: 9, op: CnProcSubscription.ProcCnMcastListen);

        Assert.Equal(40, length);
        AssertHeaders(buffer, length: 40, seq: 7, ack: 9, payloadLength: 4);
        Assert.Equal(1u, U32(buffer, 36));
        Assert.All(buffer[40..], b => Assert.Equal(0xAA, b));
    }

    [Fact]
    public void WriteProcInput_encodes_the_op_and_the_event_type_mask()
    {
        var buffer = new byte[44];
        const uint Mask = (uint)ProcEventWhat.Exec + (uint)ProcEventWhat.Exit + (uint)ProcEventWhat.Fork;

        var length = CnProcSubscription.WriteProcInput(buffer, seq: 1, ack: 2, op: CnProcSubscription.ProcCnMcastIgnore, Mask);

        Assert.Equal(44, length);
        AssertHeaders(buffer, length: 44, seq: 1, ack: 2, payloadLength: 8);
        Assert.Equal(2u, U32(buffer, 36));
        Assert.Equal(0x80000003u, U32(buffer, 40));
    }

    [Fact]
    public void A_destination_too_small_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => CnProcSubscription.WriteListen(new byte[39], 0, 0, 1));
        Assert.Throws<ArgumentException>(() => CnProcSubscription.WriteProcInput(new byte[43], 0, 0, 1, 0));
    }

    [Fact]
    public void Constants_match_the_kernel_headers()
    {
        Assert.Equal((1u, 1u), (CnProcSubscription.CnIdxProc, CnProcSubscription.CnValProc));
        Assert.Equal((1u, 2u), (CnProcSubscription.ProcCnMcastListen, CnProcSubscription.ProcCnMcastIgnore));
    }

    private static void AssertHeaders(byte[] b, uint length, uint seq, uint ack, ushort payloadLength)
    {
        Assert.Equal(length, U32(b, 0));
        Assert.Equal(3, U16(b, 4)); // NLMSG_DONE
        Assert.Equal(0, U16(b, 6));
        Assert.Equal(seq, U32(b, 8));
        Assert.Equal(0u, U32(b, 12));
        Assert.Equal(1u, U32(b, 16));
        Assert.Equal(1u, U32(b, 20));
        Assert.Equal(seq, U32(b, 24));
        Assert.Equal(ack, U32(b, 28));
        Assert.Equal(payloadLength, U16(b, 32));
        Assert.Equal(0, U16(b, 34));
    }

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));

    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));
}
