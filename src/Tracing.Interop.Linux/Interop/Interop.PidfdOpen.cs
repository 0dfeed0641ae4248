using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // glibc 2.36+ wraps the syscall (Linux 5.3+).
        [LibraryImport(Libraries.Libc, EntryPoint = "pidfd_open", SetLastError = true)]
        private static partial int PidfdOpenRaw(int pid, uint flags);

        /// <summary>Opens a pidfd for a process; returns 0 or the errno (then <paramref name="pidfd"/> is invalid).</summary>
        internal static int PidfdOpen(int pid, out SafeFileDescriptor pidfd)
        {
            // The raw descriptor is wrapped at once (once per exec on the receive thread: see SafeFileDescriptor(int)).
            int errno;
            int raw;
            do
            {
                raw = PidfdOpenRaw(pid, 0);
            }
            while (Interrupted(raw, out errno));

            pidfd = new SafeFileDescriptor(raw);
            return errno;
        }
    }
}
