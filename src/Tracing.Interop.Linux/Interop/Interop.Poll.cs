using System.Diagnostics;
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
        /// Waits at most <paramref name="timeoutMs"/> (-1: no limit; a signal does not start the wait over) for <paramref name="events"/> on any of
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
                // Only a finite wait needs the clock: the receive loop's waits without limit read none.
                var started = timeoutMs > 0 ? Stopwatch.GetTimestamp() : 0;
                fixed (PollFd* p = fds)
                {
                    var wait = timeoutMs;
                    while (Interrupted(ready = PollRaw(p, (nuint)fds.Length, wait), out errno))
                    {
                        wait = RemainingTimeout(timeoutMs, Stopwatch.GetElapsedTime(started));
                    }
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

        /// <summary>
        /// What is left of a wait of <paramref name="timeoutMs"/> after <paramref name="elapsed"/> on the monotonic clock,
        /// rounded up to the millisecond and never below 0; no limit (negative) stays no limit.
        /// </summary>
        internal static int RemainingTimeout(int timeoutMs, TimeSpan elapsed) =>
            timeoutMs < 0 ? timeoutMs : (int)Math.Clamp(timeoutMs - (long)elapsed.TotalMilliseconds, 0, timeoutMs);
    }
}
