using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Interop.Libc;

namespace Tracing.Linux.Tests.Libc;

/// <summary>
/// Sizes and offsets of every libc struct that crosses the boundary, as gcc reports them from the C headers on 64-bit
/// Linux (StructLayout.c next to this file prints them all). The kernel's own structs are checked in
/// CnProc/CnProcStructLayoutTests and FileSystem/StatFsLayoutTests.
/// </summary>
public class LibcStructLayoutTests
{
    [Theory]
    [InlineData("nl_family", 0)]
    [InlineData("nl_pad", 2)]
    [InlineData("nl_pid", 4)]
    [InlineData("nl_groups", 8)]
    public void SockAddrNetlink_matches_sockaddr_nl(string field, int offset) => AssertField<SockAddrNetlink>(12, field, offset);

    [Theory]
    [InlineData("fd", 0)]
    [InlineData("events", 4)]
    [InlineData("revents", 6)]
    public void PollFd_matches_pollfd(string field, int offset) => AssertField<PollFd>(8, field, offset);

    [Theory]
    [InlineData("iov_base", 0)]
    [InlineData("iov_len", 8)]
    public void IoVec_matches_iovec(string field, int offset) => AssertField<IoVec>(16, field, offset);

    [Theory]
    [InlineData("msg_name", 0)]
    [InlineData("msg_namelen", 8)]
    [InlineData("msg_iov", 16)]
    [InlineData("msg_iovlen", 24)]
    [InlineData("msg_control", 32)]
    [InlineData("msg_controllen", 40)]
    [InlineData("msg_flags", 48)]
    public void MsgHdr_matches_msghdr(string field, int offset) => AssertField<MsgHdr>(56, field, offset);

    [Theory]
    [InlineData("msg_hdr", 0)]
    [InlineData("msg_len", 56)]
    public void MMsgHdr_matches_mmsghdr(string field, int offset) => AssertField<MMsgHdr>(64, field, offset);

    [Fact]
    public void SchedParam_matches_sched_param() => AssertField<SchedParam>(4, "sched_priority", 0);

    [Theory]
    [InlineData("code", 0)]
    [InlineData("jt", 2)]
    [InlineData("jf", 3)]
    [InlineData("k", 4)]
    public void SockFilter_matches_sock_filter(string field, int offset) => AssertField<SockFilter>(8, field, offset);

    [Theory]
    [InlineData("len", 0)]
    [InlineData("filter", 8)]
    public void SockFprog_matches_sock_fprog(string field, int offset) => AssertField<SockFprog>(16, field, offset);

    [Theory]
    [InlineData("mask", 0)]
    [InlineData("cgroupid", 8)]
    [InlineData("pid", 16)]
    [InlineData("tgid", 20)]
    [InlineData("ppid", 24)]
    [InlineData("ruid", 28)]
    [InlineData("rgid", 32)]
    [InlineData("euid", 36)]
    [InlineData("egid", 40)]
    [InlineData("suid", 44)]
    [InlineData("sgid", 48)]
    [InlineData("fsuid", 52)]
    [InlineData("fsgid", 56)]
    [InlineData("spare0", 60)]
    public void PidfdInfo_matches_pidfd_info_version_0(string field, int offset) => AssertField<PidfdInfo>(64, field, offset);

    private static void AssertField<T>(int size, string field, int offset)
        where T : struct
    {
        Assert.Equal(size, Unsafe.SizeOf<T>());
        Assert.Equal(size, Marshal.SizeOf<T>());
        Assert.Equal(offset, (int)Marshal.OffsetOf<T>(field));
    }
}
