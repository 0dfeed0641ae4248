using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/resource.h (struct rusage; the timevals as their two longs). Same on x86-64 and arm64.
        [StructLayout(LayoutKind.Sequential)]
        internal struct RUsage
        {
            public long ru_utime_tv_sec;
            public long ru_utime_tv_usec;
            public long ru_stime_tv_sec;
            public long ru_stime_tv_usec;
            public long ru_maxrss;
            public long ru_ixrss;
            public long ru_idrss;
            public long ru_isrss;
            public long ru_minflt;
            public long ru_majflt;
            public long ru_nswap;
            public long ru_inblock;
            public long ru_oublock;
            public long ru_msgsnd;
            public long ru_msgrcv;
            public long ru_nsignals;
            public long ru_nvcsw;
            public long ru_nivcsw;
        }
    }
}
