using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "waitpid", SetLastError = true)]
        private static unsafe partial int WaitPidRaw(int pid, int* status, int options);

        /// <summary>Reaps <paramref name="pid"/>, blocking; false when it is not (or no longer) our child.</summary>
        internal static unsafe bool WaitPid(int pid)
        {
            int status;
            while (true)
            {
                if (WaitPidRaw(pid, &status, 0) >= 0)
                {
                    return true;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.ECHILD)
                {
                    return false;
                }

                if (errno != Errno.EINTR)
                {
                    throw GetExceptionForErrno(errno, "waitpid");
                }
            }
        }
    }
}
