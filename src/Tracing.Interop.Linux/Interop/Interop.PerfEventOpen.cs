using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/perf_event.h.
        internal const uint PERF_TYPE_TRACEPOINT = 2;
        internal const uint PERF_ATTR_SIZE_VER0 = 64;
        internal const ulong PERF_FLAG_FD_CLOEXEC = 8;

        /// <summary>perf_event_attr's flag bits (a C bitfield): <c>disabled</c> is the first.</summary>
        internal const ulong PerfEventAttrDisabled = 1;

        // From include/uapi/linux/perf_event.h: struct perf_event_attr as first published (PERF_ATTR_SIZE_VER0); the kernel
        // reads the members past a shorter size as zero. The bitfield (disabled, inherit, ...) is one u64 here.
        [StructLayout(LayoutKind.Sequential)]
        internal struct PerfEventAttr
        {
            public uint type;
            public uint size;
            public ulong config;
            public ulong sample_period;
            public ulong sample_type;
            public ulong read_format;
            public ulong flags;
            public uint wakeup_events;
            public uint bp_type;
            public ulong config1;
        }

        // The perf_event_open(2) system call's number: glibc has no wrapper.
        private static long PerfEventOpenSyscallNumber => RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 298,
            Architecture.Arm64 => 241,
            var other => throw new PlatformNotSupportedException($"perf_event_open(2) has no known system call number on {other}."),
        };

        [LibraryImport(Libraries.Libc, EntryPoint = "syscall", SetLastError = true)]
        private static unsafe partial long SyscallPerfEventOpen(long number, PerfEventAttr* attr, int pid, int cpu, int groupFd, ulong flags);

        /// <summary>perf_event_open(attr, pid, cpu, -1, PERF_FLAG_FD_CLOEXEC): the event's fd, or an invalid one and the errno.</summary>
        internal static unsafe int PerfEventOpen(in PerfEventAttr attr, int pid, int cpu, out SafeFileDescriptor perfEvent)
        {
            long raw;
            int errno;
            fixed (PerfEventAttr* pointer = &attr)
            {
                do
                {
                    raw = SyscallPerfEventOpen(PerfEventOpenSyscallNumber, pointer, pid, cpu, -1, PERF_FLAG_FD_CLOEXEC);
                }
                while (Interrupted((nint)raw, out errno));
            }

            perfEvent = new SafeFileDescriptor((int)raw);
            return errno;
        }
    }
}
