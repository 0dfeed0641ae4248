using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/socket.h.
        internal const int SOL_SOCKET = 1;
        internal const int SO_RCVBUF = 8;
        internal const int SO_ATTACH_FILTER = 26;
        internal const int SO_RCVBUFFORCE = 33;

        // From include/uapi/linux/filter.h: a classic BPF instruction and program.
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockFilter
        {
            public ushort code;
            public byte jt;
            public byte jf;
            public uint k;
        }

        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct SockFprog
        {
            public ushort len;
            public SockFilter* filter;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "setsockopt", SetLastError = true)]
        private static unsafe partial int SetSockOptRaw(SafeFileDescriptor fd, int level, int name, void* value, uint length);

        /// <summary>Sets an int socket option; returns 0 or the errno.</summary>
        internal static unsafe int SetSockOpt(SafeFileDescriptor fd, int level, int name, int value) =>
            SetSockOpt(fd, level, name, &value, sizeof(int));

        /// <summary>Attaches a classic BPF program that decides which datagrams the socket keeps; returns 0 or the errno.</summary>
        internal static unsafe int AttachFilter(SafeFileDescriptor fd, ReadOnlySpan<SockFilter> program)
        {
            fixed (SockFilter* instructions = program)
            {
                var fprog = new SockFprog { len = (ushort)program.Length, filter = instructions };
                return SetSockOpt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, (uint)sizeof(SockFprog));
            }
        }

        private static unsafe int SetSockOpt(SafeFileDescriptor fd, int level, int name, void* value, uint length)
        {
            int errno;
            while (Interrupted(SetSockOptRaw(fd, level, name, value, length), out errno))
            {
            }

            return errno;
        }
    }
}
