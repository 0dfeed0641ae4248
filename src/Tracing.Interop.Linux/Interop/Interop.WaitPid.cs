using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "waitpid", SetLastError = true)]
        private static partial int WaitPidRaw(int pid, out int status, int options);

        /// <summary>Waits for child <paramref name="pid"/> to end and reaps it; returns 0 or the errno.</summary>
        /// <param name="pid">The child.</param>
        /// <param name="status">Its wait status (<c>WIFEXITED</c>, <c>WTERMSIG</c>, …).</param>
        internal static int WaitPid(int pid, out int status)
        {
            int errno;
            do
            {
                status = 0;
            }
            while (Interrupted(WaitPidRaw(pid, out status, 0), out errno));

            return errno;
        }
    }
}
