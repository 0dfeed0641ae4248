using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // glibc 2.36+ wraps the syscall (Linux 5.3+).
        [LibraryImport(Libraries.Libc, EntryPoint = "pidfd_open", SetLastError = true)]
        private static partial SafeFileDescriptor PidfdOpenRaw(int pid, uint flags);

        /// <summary>Opens a pidfd for a process; returns 0 or the errno (then <paramref name="pidfd"/> is invalid).</summary>
        internal static int PidfdOpen(int pid, out SafeFileDescriptor pidfd)
        {
            int errno;
            do
            {
                pidfd = PidfdOpenRaw(pid, 0);
            }
            while (Interrupted(pidfd, out errno));

            return errno;
        }
    }
}
