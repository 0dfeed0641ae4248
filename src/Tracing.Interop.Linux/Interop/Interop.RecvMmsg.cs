using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/linux/socket.h and include/uapi/linux/uio.h (LP64: x86_64 and arm64).
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct IoVec
        {
            public void* iov_base;
            public nuint iov_len;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct MsgHdr
        {
            public void* msg_name;
            public uint msg_namelen;
            public IoVec* msg_iov;
            public nuint msg_iovlen;
            public void* msg_control;
            public nuint msg_controllen;
            public int msg_flags;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal struct MMsgHdr
        {
            public MsgHdr msg_hdr;
            public uint msg_len;
        }

        internal const int MSG_TRUNC = 0x20;

        [LibraryImport(Libraries.Libc, EntryPoint = "recvmmsg", SetLastError = true)]
        private static unsafe partial int RecvMmsgRaw(int fd, MMsgHdr* messages, uint count, int flags, void* timeout);

        /// <summary>
        /// Receives up to <paramref name="count"/> datagrams without blocking, retrying EINTR; returns how many, or -1
        /// with <paramref name="errno"/> set (EAGAIN when there were none).
        /// </summary>
        internal static unsafe int RecvMmsgNonBlocking(int fd, MMsgHdr* messages, uint count, out int errno)
        {
            while (true)
            {
                var received = RecvMmsgRaw(fd, messages, count, MSG_DONTWAIT, null);
                if (received >= 0)
                {
                    errno = 0;
                    return received;
                }

                errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR)
                {
                    return -1;
                }
            }
        }
    }
}
