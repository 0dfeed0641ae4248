using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/socket.h (Linux 4.12 and later).
        internal const int SO_MEMINFO = 55;

        // From include/uapi/linux/sock_diag.h: the u32 array SO_MEMINFO fills, and the index of sk_drops in it.
        internal const int SK_MEMINFO_DROPS = 8;
        internal const int SK_MEMINFO_VARS = 9;

        [LibraryImport(Libraries.Libc, EntryPoint = "getsockopt", SetLastError = true)]
        private static unsafe partial int GetSockOptRaw(SafeFileDescriptor fd, int level, int name, void* value, uint* length);

        /// <summary>
        /// Reads the socket's <c>sk_drops</c>, the datagrams the kernel dropped for it (a cumulative u32 that wraps;
        /// the Drops column of /proc/net/netlink); returns 0 or the errno (ENOPROTOOPT before Linux 4.12;
        /// EINVAL when the kernel's array has no drops field).
        /// </summary>
        internal static unsafe int GetSocketDrops(SafeFileDescriptor fd, out uint drops)
        {
            var meminfo = stackalloc uint[SK_MEMINFO_VARS];
            var length = (uint)(SK_MEMINFO_VARS * sizeof(uint));
            int errno;
            while (Interrupted(GetSockOptRaw(fd, SOL_SOCKET, SO_MEMINFO, meminfo, &length), out errno))
            {
            }

            // The kernel copies at most what it has: an older one with fewer fields has no drops to give.
            var complete = errno == 0 && length > SK_MEMINFO_DROPS * sizeof(uint);
            drops = complete ? meminfo[SK_MEMINFO_DROPS] : 0;
            return errno != 0 || complete ? errno : Errno.EINVAL;
        }
    }
}
