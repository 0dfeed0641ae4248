using System.Buffers.Binary;
using Tracing.Linux.CnProc;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>The made-up datagrams the receive path warms up on are the kernel's, byte for byte.</summary>
public class CnProcDatagramTests
{
    [Theory]
    [InlineData((uint)ProcEventWhat.Fork)]
    [InlineData((uint)ProcEventWhat.Exit)]
    [InlineData((uint)ProcEventWhat.None)]
    public void A_made_up_event_has_the_kernels_headers_and_reads_back(uint kind)
    {
        var what = (ProcEventWhat)kind;
        var datagram = new byte[CnProcDatagram.EventLength + 8];
        datagram.AsSpan().Fill(0xAB);

        CnProcDatagram.WriteEvent(datagram, what);

        var expected = new byte[76];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, 76);             // nlmsg_len
        BinaryPrimitives.WriteUInt16LittleEndian(expected.AsSpan(4), 3);   // NLMSG_DONE
        BinaryPrimitives.WriteUInt32LittleEndian(expected.AsSpan(16), 1);  // CN_IDX_PROC
        BinaryPrimitives.WriteUInt32LittleEndian(expected.AsSpan(20), 1);  // CN_VAL_PROC
        BinaryPrimitives.WriteUInt16LittleEndian(expected.AsSpan(32), 40); // cn_msg.len
        BinaryPrimitives.WriteUInt32LittleEndian(expected.AsSpan(36), (uint)what);
        Assert.Equal(expected, datagram[..76]);
        Assert.All(datagram[76..], b => Assert.Equal(0xAB, b));

        var reader = new CnProcMessageReader(datagram.AsSpan(0, 76));
        Assert.True(reader.TryRead(out var message));
        Assert.True(message.HasProcEvent);
        Assert.Equal(what, message.Event.What);
        Assert.False(reader.TryRead(out _));
        Assert.Equal(CnProcMalformation.None, reader.Malformation);
    }
}
