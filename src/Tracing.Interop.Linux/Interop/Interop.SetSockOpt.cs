using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/socket.h.
        internal const int SOL_SOCKET = 1;
        internal const int SO_RCVBUF = 8;
        internal const int SO_RCVBUFFORCE = 33;
        internal const int SO_ATTACH_FILTER = 26;

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
        private static unsafe partial int SetSockOptRaw(int fd, int level, int name, void* value, uint length);

        /// <summary>Sets an int socket option; returns 0 or the errno.</summary>
        internal static unsafe int SetSockOpt(int fd, int level, int name, int value) =>
            SetSockOptRaw(fd, level, name, &value, sizeof(int)) == 0 ? 0 : Marshal.GetLastPInvokeError();

        /// <summary>Attaches a classic BPF program that decides which datagrams the socket keeps; returns 0 or the errno.</summary>
        internal static unsafe int AttachFilter(int fd, ReadOnlySpan<SockFilter> program)
        {
            fixed (SockFilter* instructions = program)
            {
                var fprog = new SockFprog { len = (ushort)program.Length, filter = instructions };
                return SetSockOptRaw(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, (uint)sizeof(SockFprog)) == 0 ? 0 : Marshal.GetLastPInvokeError();
            }
        }
    }
}
