using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const short POLLIN = 0x1;

        // From include/uapi/asm-generic/poll.h: struct pollfd.
        [StructLayout(LayoutKind.Sequential)]
        internal struct PollFd
        {
            public int fd;
            public short events;
            public short revents;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "poll", SetLastError = true)]
        private static unsafe partial int PollRaw(PollFd* fds, nuint count, int timeoutMs);

        /// <summary>Waits for readiness, retrying EINTR; returns the number of ready descriptors (0 on timeout) or -1 with <paramref name="errno"/>.</summary>
        internal static unsafe int Poll(Span<PollFd> fds, int timeoutMs, out int errno)
        {
            fixed (PollFd* p = fds)
            {
                while (true)
                {
                    var ready = PollRaw(p, (nuint)fds.Length, timeoutMs);
                    if (ready >= 0)
                    {
                        errno = 0;
                        return ready;
                    }

                    errno = Marshal.GetLastPInvokeError();
                    if (errno != Errno.EINTR)
                    {
                        return -1;
                    }
                }
            }
        }
    }
}
