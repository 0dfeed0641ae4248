using System.Runtime.InteropServices;
using Tracing.Interop.Linux.Interop;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // glibc 2.36+ wraps the syscall (Linux 5.3+).
        [LibraryImport(Libraries.Libc, EntryPoint = "pidfd_open", SetLastError = true)]
        private static partial SafeFileDescriptor PidfdOpenRaw(int pid, uint flags);

        /// <summary>Opens a pidfd for a process; on failure the handle is invalid and <paramref name="errno"/> says why.</summary>
        internal static SafeFileDescriptor PidfdOpen(int pid, out int errno)
        {
            while (true)
            {
                var fd = PidfdOpenRaw(pid, 0);
                if (!fd.IsInvalid)
                {
                    errno = 0;
                    return fd;
                }

                errno = Marshal.GetLastPInvokeError();
                fd.Dispose();
                if (errno != Errno.EINTR)
                {
                    return fd;
                }
            }
        }
    }
}
