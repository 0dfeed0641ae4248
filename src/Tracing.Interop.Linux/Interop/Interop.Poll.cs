using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/poll.h.
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

        /// <summary>
        /// Waits at most <paramref name="timeoutMs"/> (-1: no limit) for <paramref name="events"/> on any of
        /// <paramref name="handles"/>; returns 0 or the errno. Each handle's returned events land at its index in
        /// <paramref name="returnedEvents"/>; <paramref name="ready"/> is how many have some (0: the time ran out).
        /// </summary>
        internal static unsafe int Poll(ReadOnlySpan<SafeFileDescriptor> handles, short events, Span<short> returnedEvents, int timeoutMs, out int ready)
        {
            Span<PollFd> fds = stackalloc PollFd[handles.Length];
            var referenced = 0;
            try
            {
                // pollfd holds raw numbers: each handle is kept from closing until the call returns.
                for (; referenced < handles.Length; referenced++)
                {
                    var added = false;
                    handles[referenced].DangerousAddRef(ref added);
                    fds[referenced] = new PollFd { fd = (int)handles[referenced].DangerousGetHandle(), events = events };
                }

                int errno;
                fixed (PollFd* p = fds)
                {
                    do
                    {
                        ready = PollRaw(p, (nuint)fds.Length, timeoutMs);
                    }
                    while (Interrupted(ready, out errno));
                }

                ready = Math.Max(ready, 0);
                for (var i = 0; i < fds.Length; i++)
                {
                    returnedEvents[i] = fds[i].revents;
                }

                return errno;
            }
            finally
            {
                for (var i = 0; i < referenced; i++)
                {
                    handles[i].DangerousRelease();
                }
            }
        }
    }
}
