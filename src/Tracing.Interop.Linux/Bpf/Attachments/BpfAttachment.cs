namespace Tracing.Linux.Bpf.Attachments;

/// <summary>
/// A program attached to a kernel hook: the fd the attachment lives in (a raw tracepoint's, or the perf event of a
/// classic tracepoint). Disposing it detaches the program; the program's own fd may be closed before, the kernel holds
/// the program while attached.
/// </summary>
internal sealed class BpfAttachment : IDisposable
{
    private readonly SafeFileDescriptor _fd;

    internal BpfAttachment(string hook, SafeFileDescriptor fd)
    {
        Hook = hook;
        _fd = fd;
    }

    /// <summary>What the program is attached to, e.g. "raw_tracepoint:sched_process_fork" or "tracepoint:syscalls:sys_enter_execve".</summary>
    public string Hook { get; }

    /// <summary>Detaches the program (closes the fd).</summary>
    public void Dispose() => _fd.Dispose();
}
