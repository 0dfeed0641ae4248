namespace Tracing.Darwin.Sysctl;

/// <summary>How a <c>KERN_PROCARGS2</c> read ended.</summary>
internal enum ProcArgsReadResult
{
    /// <summary>The arguments were read.</summary>
    Read = 0,

    /// <summary>The process no longer exists, or is a zombie with no arguments left.</summary>
    Gone = 1,

    /// <summary>
    /// The kernel refused: another user's process (the kernel answers EINVAL, not EPERM), a task being torn down,
    /// or an unreadable stack (EIO).
    /// </summary>
    NotPermitted = 2,
}
