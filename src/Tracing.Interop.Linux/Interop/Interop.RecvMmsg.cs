using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/uio.h: struct iovec (LP64: x86_64 and arm64).
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct IoVec
        {
            public void* iov_base;
            public nuint iov_len;
        }

        // From include/linux/socket.h: struct user_msghdr, glibc's struct msghdr.
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

        // From include/linux/socket.h: struct mmsghdr.
        [StructLayout(LayoutKind.Sequential)]
        internal struct MMsgHdr
        {
            public MsgHdr msg_hdr;
            public uint msg_len;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "recvmmsg", SetLastError = true)]
        private static unsafe partial int RecvMmsgRaw(SafeFileDescriptor fd, MMsgHdr* messages, uint count, int flags, void* timeout);

        /// <summary>
        /// Receives up to <paramref name="count"/> datagrams without blocking; returns 0 or the errno (EAGAIN when none
        /// is queued). <paramref name="received"/> says how many of <paramref name="messages"/> were filled.
        /// </summary>
        internal static unsafe int RecvMmsgNonBlocking(SafeFileDescriptor fd, MMsgHdr* messages, uint count, out int received)
        {
            int errno;
            do
            {
                received = RecvMmsgRaw(fd, messages, count, MSG_DONTWAIT, null);
            }
            while (Interrupted(received, out errno));

            received = Math.Max(received, 0);
            return errno;
        }
    }
}
