using Tracing.Linux.CnProc;
using static Interop.Libc;
using Errno = Interop.Errno;

namespace Tracing.Linux.Tests.Libc;

/// <summary>The numbers the interop layer passes to and reads from the kernel, as gcc prints them (StructLayout.c).</summary>
public class LibcConstantsTests
{
    [Fact]
    public void Errno_values_match_errno_h()
    {
        Assert.Equal(
            (1, 2, 3, 4, 6, 11, 13, 20, 21, 22, 25, 36, 38, 40),
            (Errno.EPERM, Errno.ENOENT, Errno.ESRCH, Errno.EINTR, Errno.ENXIO, Errno.EAGAIN, Errno.EACCES, Errno.ENOTDIR,
                Errno.EISDIR, Errno.EINVAL, Errno.ENOTTY, Errno.ENAMETOOLONG, Errno.ENOSYS, Errno.ELOOP));
        Assert.Equal((93, 97, 105, 111), (Errno.EPROTONOSUPPORT, Errno.EAFNOSUPPORT, Errno.ENOBUFS, Errno.ECONNREFUSED));
    }

    [Fact]
    public void Socket_constants_match_the_headers()
    {
        Assert.Equal((16, 2, 0x80000, 11), (AF_NETLINK, SOCK_DGRAM, SOCK_CLOEXEC, NETLINK_CONNECTOR));
        Assert.Equal((1, 8, 33, 26), (SOL_SOCKET, SO_RCVBUF, SO_RCVBUFFORCE, SO_ATTACH_FILTER));
        Assert.Equal(0x40, MSG_DONTWAIT);
    }

    [Fact]
    public void File_and_thread_constants_match_the_headers()
    {
        Assert.Equal((short)1, POLLIN);
        Assert.Equal((0x80000, 0x800), (EFD_CLOEXEC, EFD_NONBLOCK));
        Assert.Equal((0, 0x80000), (O_RDONLY, O_CLOEXEC));
        Assert.Equal((15, 16), (PR_SET_NAME, PR_GET_NAME));
        Assert.Equal(1, SCHED_FIFO);
    }

    [Fact]
    public void PIDFD_GET_INFO_is_the_ioctl_number_IOWR_makes() => Assert.Equal(0xc040ff0bu, PIDFD_GET_INFO);

    [Fact]
    public void Netlink_and_proc_connector_constants_match_the_headers()
    {
        Assert.Equal(((ushort)1, (ushort)2, (ushort)3), (NlMsgHdr.TypeNoop, NlMsgHdr.TypeError, NlMsgHdr.TypeDone));
        Assert.Equal(
            (0u, 1u, 2u, 4u, 0x40u, 0x80u, 0x100u, 0x200u, 0x40000000u, 0x80000000u),
            ((uint)ProcEventWhat.None, (uint)ProcEventWhat.Fork, (uint)ProcEventWhat.Exec, (uint)ProcEventWhat.Uid,
                (uint)ProcEventWhat.Gid, (uint)ProcEventWhat.Sid, (uint)ProcEventWhat.Ptrace, (uint)ProcEventWhat.Comm,
                (uint)ProcEventWhat.Coredump, (uint)ProcEventWhat.Exit));

        // include/uapi/linux/cn_proc.h since Linux 6.6, newer than the headers StructLayout.c was checked with.
        Assert.Equal(0x20000000u, (uint)ProcEventWhat.NonzeroExit);
    }

    [Fact]
    public void A_datagram_places_the_event_and_its_union_members_where_gcc_does()
    {
        // offsetof(struct proc_event, event_data.fork.child_pid) is 24, .child_tgid 28; exit.process_pid 16, .process_tgid 20.
        Assert.Equal((36, 76), (CnProcDatagram.PayloadOffset, CnProcDatagram.EventLength));
        Assert.Equal((24, 28), (ProcEvent.HeaderSize + ProcEvent.ChildPidOffset, ProcEvent.HeaderSize + ProcEvent.ChildTgidOffset));
        Assert.Equal((16, 20), (ProcEvent.HeaderSize + ProcEvent.ProcessPidOffset, ProcEvent.HeaderSize + ProcEvent.ProcessTgidOffset));
    }
}
