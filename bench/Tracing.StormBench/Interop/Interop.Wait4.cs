using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "wait4", SetLastError = true)]
        private static unsafe partial int Wait4Raw(int pid, int* status, int options, RUsage* usage);

        /// <summary>
        /// Reaps <paramref name="pid"/>, blocking, with what it used: its own CPU time, and as peak RSS the larger of
        /// its own and its reaped children's (the kernel's RUSAGE_BOTH for a zombie).
        /// </summary>
        internal static unsafe RUsage Wait4(int pid, out int status)
        {
            RUsage usage;
            int raw;
            while (Wait4Raw(pid, &raw, 0, &usage) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR)
                {
                    throw GetExceptionForErrno(errno, "wait4");
                }
            }

            status = raw;
            return usage;
        }
    }
}
