using System.Runtime.InteropServices;
using Tracing.Linux.CnProc;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>
/// The union of struct proc_event read at its include/uapi/linux/cn_proc.h offsets; sizes and offsets themselves are
/// checked against the headers by Interop/LibcStructLayoutTests.
/// </summary>
public class CnProcStructLayoutTests
{
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
