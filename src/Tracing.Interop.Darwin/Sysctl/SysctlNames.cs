namespace Tracing.Darwin.Sysctl;

/// <summary>The MIB numbers Tracing asks for. From XNU bsd/sys/sysctl.h (verified in docs/reference/darwin.md §2).</summary>
internal static class SysctlNames
{
    internal const int CTL_KERN = 1;
    internal const int KERN_ARGMAX = 8;
    internal const int KERN_PROC = 14;
    internal const int KERN_PROC_ALL = 0;
    internal const int KERN_PROC_PID = 1;
    internal const int KERN_PROCARGS2 = 49;

    /// <summary><c>kern.proc.all</c>: every process (zombies included) as 648-byte <c>kinfo_proc</c> records.</summary>
    internal static int[] ProcAll => [CTL_KERN, KERN_PROC, KERN_PROC_ALL];

    /// <summary><c>kern.argmax</c>: ARG_MAX, the largest argument area (1 MiB on macOS).</summary>
    internal static int[] ArgMax => [CTL_KERN, KERN_ARGMAX];

    /// <summary><c>kern.proc.pid.PID</c>: one <c>kinfo_proc</c>, or nothing when the pid does not exist.</summary>
    internal static int[] ProcPid(int pid) => [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid];

    /// <summary><c>kern.procargs2.PID</c>: argc, exec path, argv (and environment and apple strings when allowed).</summary>
    internal static int[] ProcArgs2(int pid) => [CTL_KERN, KERN_PROCARGS2, pid];
}
