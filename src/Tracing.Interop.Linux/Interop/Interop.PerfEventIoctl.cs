using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/perf_event.h: _IO('$', 0) and _IOW('$', 8, __u32).
        internal const uint PERF_EVENT_IOC_ENABLE = 0x2400;
        internal const uint PERF_EVENT_IOC_SET_BPF = 0x40042408;

        // ioctl(2) is variadic; the one integer argument (a program's fd, or 0) travels as a fixed one on x86_64 and arm64.
        [LibraryImport(Libraries.Libc, EntryPoint = "ioctl", SetLastError = true)]
        private static partial int PerfIoctlRaw(SafeFileDescriptor perfEvent, nuint request, nint argument);

        /// <summary>
        /// PERF_EVENT_IOC_SET_BPF: runs <paramref name="program"/> whenever <paramref name="perfEvent"/>'s tracepoint fires;
        /// returns 0 or the errno.
        /// </summary>
        internal static int PerfEventSetBpf(SafeFileDescriptor perfEvent, SafeFileDescriptor program)
        {
            var added = false;
            program.DangerousAddRef(ref added);
            try
            {
                int errno;
                while (Interrupted(PerfIoctlRaw(perfEvent, PERF_EVENT_IOC_SET_BPF, program.DangerousGetHandle()), out errno))
                {
                }

                return errno;
            }
            finally
            {
                program.DangerousRelease();
            }
        }

        /// <summary>PERF_EVENT_IOC_ENABLE; returns 0 or the errno.</summary>
        internal static int PerfEventEnable(SafeFileDescriptor perfEvent)
        {
            int errno;
            while (Interrupted(PerfIoctlRaw(perfEvent, PERF_EVENT_IOC_ENABLE, 0), out errno))
            {
            }

            return errno;
        }
    }
}
