namespace Tracing.Darwin.KinfoProc;

/// <summary>
/// Where the fields Tracing reads sit in the 64-bit <c>struct kinfo_proc</c> that <c>KERN_PROC_*</c> returns to every
/// 64-bit caller, arm64 and x86_64 (Rosetta included) alike. From XNU bsd/sys/sysctl.h and bsd/sys/proc.h, derived
/// and cross-checked in docs/reference/darwin.md §1 (many published numbers, e.g. 492/68/72/163/120, are for other layouts).
/// </summary>
internal static class KinfoProcLayout
{
    /// <summary><c>sizeof(struct kinfo_proc)</c>.</summary>
    internal const int Size = 648;

    /// <summary><c>kp_proc.p_starttime.tv_sec</c> (int64): wall-clock time of the fork, kept across exec.</summary>
    internal const int p_starttime_tv_sec = 0;

    /// <summary><c>kp_proc.p_starttime.tv_usec</c> (int32).</summary>
    internal const int p_starttime_tv_usec = 8;

    /// <summary><c>kp_proc.p_flag</c> (int32).</summary>
    internal const int p_flag = 32;

    /// <summary><c>kp_proc.p_stat</c> (char): SIDL 1, SRUN 2, SSLEEP 3, SSTOP 4, SZOMB 5.</summary>
    internal const int p_stat = 36;

    /// <summary><c>kp_proc.p_pid</c> (int32).</summary>
    internal const int p_pid = 40;

    /// <summary><c>kp_proc.p_comm</c> (char[MAXCOMLEN+1]): at most 16 bytes, always NUL-terminated.</summary>
    internal const int p_comm = 243;

    /// <summary><c>MAXCOMLEN</c>: the longest command name.</summary>
    internal const int MAXCOMLEN = 16;

    /// <summary><c>kp_eproc</c>, the <c>struct eproc</c> after the 296-byte <c>struct extern_proc</c>.</summary>
    internal const int kp_eproc = 296;

    /// <summary><c>kp_eproc.e_pcred.p_ruid</c> (uint32): the real uid.</summary>
    internal const int p_ruid = 392;

    /// <summary><c>kp_eproc.e_ucred.cr_uid</c> (uint32): the effective uid.</summary>
    internal const int cr_uid = 420;

    /// <summary><c>kp_eproc.e_ppid</c> (int32): the current parent (not <c>p_oppid</c>, the ptrace-saved one).</summary>
    internal const int e_ppid = 560;

    /// <summary><c>kp_eproc.e_pgid</c> (int32).</summary>
    internal const int e_pgid = 564;

    /// <summary><c>p_stat</c> of a process that exited and was not reaped yet.</summary>
    internal const byte SZOMB = 5;
}
