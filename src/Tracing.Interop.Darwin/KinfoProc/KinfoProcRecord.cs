using System.Runtime.InteropServices;

namespace Tracing.Darwin.KinfoProc;

/// <summary>What Tracing keeps of one <c>struct kinfo_proc</c>.</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct KinfoProcRecord
{
    /// <summary><c>p_pid</c>.</summary>
    public int Pid { get; init; }

    /// <summary><c>e_ppid</c>: the parent now (launchd, 1, once the parent has gone).</summary>
    public int ParentPid { get; init; }

    /// <summary><c>e_pgid</c>.</summary>
    public int ProcessGroupId { get; init; }

    /// <summary><c>p_starttime.tv_sec</c>: when the process forked, in seconds since the epoch.</summary>
    public long StartSeconds { get; init; }

    /// <summary><c>p_starttime.tv_usec</c>.</summary>
    public int StartMicroseconds { get; init; }

    /// <summary><c>p_comm</c>: the basename of the image last exec'd, at most 16 bytes.</summary>
    public CommandName16 CommandName { get; init; }

    /// <summary><c>p_ruid</c>: the real uid.</summary>
    public uint RealUid { get; init; }

    /// <summary><c>cr_uid</c>: the effective uid.</summary>
    public uint EffectiveUid { get; init; }

    /// <summary><c>p_stat</c>.</summary>
    public byte Status { get; init; }

    /// <summary><c>p_flag</c>.</summary>
    public int Flags { get; init; }

    /// <summary>True for a process that exited and was not reaped yet.</summary>
    public bool IsZombie => Status == KinfoProcLayout.SZOMB;

    /// <summary>Pid and start time: one process incarnation (an exec keeps it, a reused pid does not).</summary>
    public ProcessIncarnation Incarnation => new(Pid, StartSeconds, StartMicroseconds);

    /// <summary>The one-letter state, as <c>ps</c> shows it: I(dle, being created), R, S, T, Z.</summary>
    public char State => Status switch
    {
        1 => 'I',
        2 => 'R',
        3 => 'S',
        4 => 'T',
        KinfoProcLayout.SZOMB => 'Z',
        _ => '?',
    };
}
