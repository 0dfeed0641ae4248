using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/linux/socket.h and include/uapi/linux/netlink.h.
        internal const int AF_NETLINK = 16;
        internal const int SOCK_DGRAM = 2;
        internal const int SOCK_CLOEXEC = 0x80000;
        internal const int NETLINK_CONNECTOR = 11;

        [LibraryImport(Libraries.Libc, EntryPoint = "socket", SetLastError = true)]
        private static partial int SocketRaw(int domain, int type, int protocol);

        /// <summary>Opens a socket; returns the descriptor or -1 with <paramref name="errno"/> set.</summary>
        internal static int Socket(int domain, int type, int protocol, out int errno)
        {
            var fd = SocketRaw(domain, type, protocol);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
            return fd;
        }
    }
}
