using System.Runtime.InteropServices;

namespace Tracing.Ports;

/// <summary>
/// One process fact from the kernel, free of any platform's wire format.
/// <see cref="Pid"/>/<see cref="Tgid"/> name the thread and process the event is about (the child, for a fork);
/// <see cref="ParentPid"/>/<see cref="ParentTgid"/> its parent where the kernel says.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct KernelEvent
{
    /// <summary>What happened.</summary>
    public KernelEventKind Kind { get; init; }

    /// <summary>When, in nanoseconds of <c>CLOCK_MONOTONIC</c>.</summary>
    public long TimestampNs { get; init; }

    /// <summary>The thread id.</summary>
    public int Pid { get; init; }

    /// <summary>The process id (thread-group id).</summary>
    public int Tgid { get; init; }

    /// <summary>The parent's thread id, where the kernel reports one.</summary>
    public int ParentPid { get; init; }

    /// <summary>
    /// The parent's process id, where the kernel reports one (fork, exit); for an exec, the forker of the fork the
    /// source saw, when it saw it (0 otherwise: the tracer then asks the process reader).
    /// </summary>
    public int ParentTgid { get; init; }

    /// <summary>
    /// For an exec with a <see cref="ParentTgid"/> from a fork the source saw: that forker has ended since the fork, or
    /// may have (its pid was reused, or its liveness is not known). The kernel then re-parented the process, so the
    /// forker is not its parent any more, and the tracer asks the process reader.
    /// </summary>
    public bool ForkerEnded { get; init; }

    /// <summary>For an exit: the wait status.</summary>
    public int ExitCode { get; init; }

    /// <summary>For an exit: the signal sent to the parent (-1 for a thread).</summary>
    public int ExitSignal { get; init; }

    /// <summary>
    /// For an exec or a failed exec: what the source captured of it in the kernel (argv, command name, identity; for a
    /// failed exec its path and error); null when the source captures nothing (the tracer reads the process).
    /// </summary>
    public ExecCapture? Capture { get; init; }

    /// <summary>
    /// For an exec or a failed exec: the source decided in the kernel that the process is in the scope it was given
    /// (<see cref="KernelScope"/>), so the tracer need not read the process to decide it.
    /// </summary>
    public bool InScope { get; init; }

    /// <summary>True when this event is about a thread, not a whole process.</summary>
    public bool IsThread => Pid != Tgid;
}
