using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/netlink.h: struct sockaddr_nl.
        [StructLayout(LayoutKind.Sequential)]
        internal struct SockAddrNetlink
        {
            public ushort nl_family;
            public ushort nl_pad;
            public uint nl_pid;
            public uint nl_groups;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "bind", SetLastError = true)]
        private static unsafe partial int BindRaw(SafeFileDescriptor fd, SockAddrNetlink* address, int addressLength);

        /// <summary>Binds a netlink socket; returns 0 or the errno.</summary>
        internal static unsafe int Bind(SafeFileDescriptor fd, SockAddrNetlink address)
        {
            int errno;
            while (Interrupted(BindRaw(fd, &address, sizeof(SockAddrNetlink)), out errno))
            {
            }

            return errno;
        }
    }
}
