using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/signal.h.
        internal const int SIGINT = 2;
        internal const int SIGKILL = 9;

        [LibraryImport(Libraries.Libc, EntryPoint = "kill", SetLastError = true)]
        private static partial int KillRaw(int pid, int signal);

        /// <summary>Sends <paramref name="signal"/>; false when the process is already gone.</summary>
        internal static bool Kill(int pid, int signal)
        {
            if (KillRaw(pid, signal) == 0)
            {
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            return errno == Errno.ESRCH ? false : throw GetExceptionForErrno(errno, "kill");
        }
    }
}
