using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/linux/socket.h and include/linux/net.h.
        internal const int AF_NETLINK = 16;
        internal const int SOCK_DGRAM = 2;
        internal const int SOCK_CLOEXEC = 0x80000;

        // From include/uapi/linux/netlink.h.
        internal const int NETLINK_CONNECTOR = 11;

        [LibraryImport(Libraries.Libc, EntryPoint = "socket", SetLastError = true)]
        private static partial SafeFileDescriptor SocketRaw(int domain, int type, int protocol);

        /// <summary>Opens a socket; returns 0 or the errno (then <paramref name="socket"/> is invalid).</summary>
        internal static int Socket(int domain, int type, int protocol, out SafeFileDescriptor socket)
        {
            int errno;
            do
            {
                socket = SocketRaw(domain, type, protocol);
            }
            while (Interrupted(socket, out errno));

            return errno;
        }
    }
}
