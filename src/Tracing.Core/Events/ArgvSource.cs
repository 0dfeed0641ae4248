namespace Tracing.Events;

/// <summary>Where an exec event's argv came from.</summary>
public enum ArgvSource
{
    /// <summary>The whole argv: read from the process after its exec, or captured in the kernel at the exec.</summary>
    Complete = 0,

    /// <summary>The process was gone or had no argv by the time it was read; argv holds only the command name.</summary>
    CommandName = 1,

    /// <summary>Nothing could be recovered: argv is empty.</summary>
    None = 2,

    /// <summary>
    /// Captured in the kernel at the exec and cut at the source's size limit (Linux's eBPF source: its
    /// <c>MaxArgumentBytes</c>), and the process was gone before the rest could be read: argv holds its beginning, the
    /// last argument possibly cut.
    /// </summary>
    Truncated = 3,
}
