namespace Tracing.Linux.CnProc;

/// <summary>The <c>what</c> of a proc event: which member of the event union is valid.</summary>
// From include/uapi/linux/cn_proc.h: enum proc_cn_event
internal enum ProcEventWhat : uint
{
    /// <summary><c>PROC_EVENT_NONE</c>: the reply to a subscription; carries an error code.</summary>
    None = 0,

    /// <summary><c>PROC_EVENT_FORK</c>: a process or thread was created.</summary>
    Fork = 0x00000001,

    /// <summary><c>PROC_EVENT_EXEC</c>: a process called execve.</summary>
    Exec = 0x00000002,

    /// <summary><c>PROC_EVENT_UID</c>: a process changed its user ids.</summary>
    Uid = 0x00000004,

    /// <summary><c>PROC_EVENT_GID</c>: a process changed its group ids.</summary>
    Gid = 0x00000040,

    /// <summary><c>PROC_EVENT_SID</c>: a process started a session.</summary>
    Sid = 0x00000080,

    /// <summary><c>PROC_EVENT_PTRACE</c>: a process was attached to or detached from a tracer.</summary>
    Ptrace = 0x00000100,

    /// <summary><c>PROC_EVENT_COMM</c>: a process renamed itself.</summary>
    Comm = 0x00000200,

    /// <summary><c>PROC_EVENT_NONZERO_EXIT</c>: a subscription filter bit only, never an event's <c>what</c>.</summary>
    NonzeroExit = 0x20000000,

    /// <summary><c>PROC_EVENT_COREDUMP</c>: a process dumped core.</summary>
    Coredump = 0x40000000,

    /// <summary><c>PROC_EVENT_EXIT</c>: a process or thread ended.</summary>
    Exit = 0x80000000,
}
