namespace Tracing.Linux.Bpf.Programs;

/// <summary>
/// The records the programs write to the ring buffer and the reader decodes: one home for both sides. Every record
/// begins with the same 32 bytes (kind, thread and process ids, parent's, the kernel's CLOCK_MONOTONIC time); an exec
/// carries its header and then argv as the kernel built it for the new program (NUL-separated, as /proc/PID/cmdline).
/// </summary>
internal static class RecordLayout
{
    // The kinds (u32 at Kind).
    public const int KindFork = 1;
    public const int KindExec = 2;
    public const int KindExit = 3;
    public const int KindExecFailed = 4;

    // Every record.
    public const short Kind = 0;
    public const short Pid = 4;
    public const short Tgid = 8;
    public const short ParentPid = 12;
    public const short Timestamp = 16;
    public const short ParentTgid = 24;

    /// <summary>Fork: nothing more. Exec: the thread that called execve. Exit: the wait status. Failed exec: the errno (positive).</summary>
    public const short Detail = 28;

    /// <summary>A fork's record.</summary>
    public const int ForkSize = 32;

    /// <summary>Exit: the signal sent to the parent (-1 for a thread).</summary>
    public const short ExitSignal = 32;

    /// <summary>An exit's record.</summary>
    public const int ExitSize = 40;

    // Exec and failed exec.
    public const short Uid = 32;
    public const short Euid = 36;
    public const short CgroupId = 40;
    public const short Comm = 48;
    public const int CommLength = 16;

    /// <summary>How many argv bytes follow the header.</summary>
    public const short ArgvLength = 64;

    /// <summary>How many bytes argv has in all (more than <see cref="ArgvLength"/> when the limit cut it).</summary>
    public const short ArgvFullLength = 68;

    /// <summary>Failed exec: how many path bytes follow argv (with its NUL).</summary>
    public const short PathLength = 72;

    /// <summary>The flags: <see cref="FlagArgvUnreadable"/>, <see cref="FlagArgvTruncated"/>.</summary>
    public const short Flags = 76;

    /// <summary>An exec's header; argv follows it.</summary>
    public const int ExecHeaderSize = 80;

    /// <summary>The flag: argv could not be read (a page not resident, a bad pointer).</summary>
    public const int FlagArgvUnreadable = 1;

    /// <summary>The flag: argv has more arguments than were read (failed execs: the argument-count limit).</summary>
    public const int FlagArgvTruncated = 2;
}
