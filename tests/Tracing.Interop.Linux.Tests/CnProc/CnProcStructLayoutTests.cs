using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tracing.Linux.CnProc;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>Sizes and offsets against include/uapi/linux/{netlink,connector,cn_proc}.h.</summary>
public class CnProcStructLayoutTests
{
    [Theory]
    [InlineData("nlmsg_len", 0)]
    [InlineData("nlmsg_type", 4)]
    [InlineData("nlmsg_flags", 6)]
    [InlineData("nlmsg_seq", 8)]
    [InlineData("nlmsg_pid", 12)]
    public void NlMsgHdr_matches_nlmsghdr(string field, int offset)
    {
        Assert.Equal(16, Unsafe.SizeOf<NlMsgHdr>());
        Assert.Equal(16, Marshal.SizeOf<NlMsgHdr>());
        Assert.Equal(NlMsgHdr.Size, Unsafe.SizeOf<NlMsgHdr>());
        Assert.Equal(offset, (int)Marshal.OffsetOf<NlMsgHdr>(field));
    }

    [Theory]
    [InlineData("idx", 0)]
    [InlineData("val", 4)]
    [InlineData("seq", 8)]
    [InlineData("ack", 12)]
    [InlineData("len", 16)]
    [InlineData("flags", 18)]
    public void CnMsg_matches_cn_msg(string field, int offset)
    {
        Assert.Equal(20, Unsafe.SizeOf<CnMsg>());
        Assert.Equal(20, Marshal.SizeOf<CnMsg>());
        Assert.Equal(CnMsg.Size, Unsafe.SizeOf<CnMsg>());
        Assert.Equal(offset, (int)Marshal.OffsetOf<CnMsg>(field));
    }

    [Theory]
    [InlineData("what", 0)]
    [InlineData("cpu", 4)]
    [InlineData("timestamp_ns", 8)]
    [InlineData("event_data", 16)]
    public void ProcEvent_matches_proc_event(string field, int offset)
    {
        Assert.Equal(40, Unsafe.SizeOf<ProcEvent>());
        Assert.Equal(ProcEvent.Size, Unsafe.SizeOf<ProcEvent>());
        Assert.Equal(24, Unsafe.SizeOf<ProcEventData>());
        Assert.Equal(offset, (int)Marshal.OffsetOf<ProcEvent>(field));
    }

    [Fact]
    public void The_proc_event_header_sits_at_byte_36_and_its_union_at_52()
    {
        Assert.Equal(36, NlMsgHdr.Size + CnMsg.Size);
        Assert.Equal(52, NlMsgHdr.Size + CnMsg.Size + ProcEvent.HeaderSize);
        Assert.Equal(76, NlMsgHdr.Size + CnMsg.Size + ProcEvent.Size);
    }

    [Fact]
    public void Union_members_read_their_cn_proc_h_offsets()
    {
        // event_data bytes 0..23 hold 1..6 as u32s, so each property names its offset / 4 + 1.
        var bytes = new byte[ProcEvent.Size];
        for (var i = 0; i < 6; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(ProcEvent.HeaderSize + (4 * i)), i + 1);
        }

        var e = MemoryMarshal.Read<ProcEvent>(bytes);

        Assert.Equal((1, 2, 3, 4), (e.ParentPid, e.ParentTgid, e.ChildPid, e.ChildTgid));
        Assert.Equal((1, 2), (e.ProcessPid, e.ProcessTgid));
        Assert.Equal((3u, 4u, 3u, 4u), (e.Ruid, e.Euid, e.Rgid, e.Egid));
        Assert.Equal((3, 4), (e.TracerPid, e.TracerTgid));
        Assert.Equal((3, 4, 5, 6), (e.ExitCode, e.ExitSignal, e.ExitParentPid, e.ExitParentTgid));
        Assert.Equal((3, 4), (e.CoredumpParentPid, e.CoredumpParentTgid));
        Assert.Equal(1, e.Err);
        Assert.Equal(bytes.AsSpan(ProcEvent.HeaderSize + 8, 16), e.Comm);
    }
}
