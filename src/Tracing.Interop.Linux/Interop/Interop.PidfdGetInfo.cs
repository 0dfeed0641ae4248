using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/pidfd.h: the first version of struct pidfd_info (PIDFD_INFO_SIZE_VER0 = 64; Linux 6.15
        // names spare0 exit_code).
        [StructLayout(LayoutKind.Sequential)]
        internal struct PidfdInfo
        {
            public ulong mask;
            public ulong cgroupid;
            public uint pid;
            public uint tgid;
            public uint ppid;
            public uint ruid;
            public uint rgid;
            public uint euid;
            public uint egid;
            public uint suid;
            public uint sgid;
            public uint fsuid;
            public uint fsgid;
            public uint spare0;
        }

        // _IOWR(PIDFS_IOCTL_MAGIC = 0xFF, 11, struct pidfd_info): read|write << 30, size << 16, magic << 8, number.
        internal const uint PIDFD_GET_INFO = (3u << 30) | (64u << 16) | (0xFFu << 8) | 11u;
        internal const ulong PIDFD_INFO_PID = 1;
        internal const ulong PIDFD_INFO_CREDS = 2;
        internal const ulong PIDFD_INFO_CGROUPID = 4;

        // ioctl(2) is variadic; one pointer argument travels as a fixed one on x86_64 and arm64 Linux.
        [LibraryImport(Libraries.Libc, EntryPoint = "ioctl", SetLastError = true)]
        private static unsafe partial int IoctlRaw(SafeFileDescriptor fd, nuint request, PidfdInfo* info);

        /// <summary>
        /// PIDFD_GET_INFO (Linux 6.13+): parent, credentials and cgroup v2 cgroup id of a pidfd's process; returns 0 or
        /// the errno. The kernel sets the mask bits of what it filled in.
        /// </summary>
        internal static unsafe int PidfdGetInfo(SafeFileDescriptor pidfd, out PidfdInfo info)
        {
            info = new PidfdInfo { mask = PIDFD_INFO_PID | PIDFD_INFO_CREDS | PIDFD_INFO_CGROUPID };
            fixed (PidfdInfo* pointer = &info)
            {
                int errno;
                while (Interrupted(IoctlRaw(pidfd, PIDFD_GET_INFO, pointer), out errno))
                {
                }

                return errno;
            }
        }
    }
}
