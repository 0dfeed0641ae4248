namespace Tracing.Ports;

/// <summary>The kinds of process facts a kernel event source reports.</summary>
public enum KernelEventKind : byte
{
    /// <summary>An event the tracer does not use (acks, sid, gid, ptrace, unknown kinds).</summary>
    Other = 0,

    /// <summary>A process or thread was created.</summary>
    Fork = 1,

    /// <summary>A process called execve.</summary>
    Exec = 2,

    /// <summary>A process or thread ended.</summary>
    Exit = 3,

    /// <summary>A process changed its user ids.</summary>
    Uid = 4,

    /// <summary>A process renamed itself (<c>comm</c>).</summary>
    Comm = 5,

    /// <summary>A process dumped core.</summary>
    Coredump = 6,

    /// <summary>
    /// A thread called execve and it failed (the process goes on with its old program); <see cref="KernelEvent.Capture"/>
    /// holds the path, argv and error. Only sources that see the system call's return report it (Linux's eBPF source).
    /// </summary>
    ExecFailed = 7,
}
