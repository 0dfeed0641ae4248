using Tracing.Darwin.KinfoProc;

namespace Tracing.Darwin.Sysctl;

/// <summary>
/// Reads the process table through <c>KERN_PROC_ALL</c>: one call returns every process, zombies included,
/// with no permission check. Grows its buffer and retries when the table outgrows it (ENOMEM).
/// </summary>
internal sealed class ProcessTableReader
{
    /// <summary>How many times a listing is retried while the table keeps outgrowing the buffer.</summary>
    public const int MaxAttempts = 16;

    // Room for processes forked between the size query and the read, on top of the kernel's own 5 records.
    private const int SlackRecords = 32;

    private readonly ISysctl _sysctl;

    /// <summary>Creates a reader over <paramref name="sysctl"/>.</summary>
    public ProcessTableReader(ISysctl sysctl)
    {
        ArgumentNullException.ThrowIfNull(sysctl);
        _sysctl = sysctl;
    }

    /// <summary>
    /// Lists every process into <paramref name="buffer"/>, growing it when needed (the same buffer serves the next
    /// poll, so a steady table costs one call and no allocation).
    /// </summary>
    /// <returns>The bytes of whole records written: a multiple of 648.</returns>
    /// <exception cref="TracingUnavailableException">A sandbox refuses the listing.</exception>
    /// <exception cref="IOException">The listing failed, kept outgrowing the buffer, or came back malformed.</exception>
    public int ReadAll(ref byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var name = SysctlNames.ProcAll;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (buffer.Length == 0 || attempt > 0)
            {
                var size = _sysctl.Read(name, null, 0);
                if (!size.Succeeded)
                {
                    throw Interop.GetExceptionForErrno(size.Errno, "sysctl(KERN_PROC_ALL) size query");
                }

                var wanted = size.Length + ((long)SlackRecords * KinfoProcLayout.Size);
                if (wanted > Array.MaxLength)
                {
                    throw new IOException($"sysctl(KERN_PROC_ALL) asked for {size.Length} bytes.");
                }

                if (buffer.Length < wanted)
                {
                    buffer = new byte[wanted];
                }
            }

            var read = _sysctl.Read(name, buffer, buffer.Length);
            if (read.Errno == Interop.Errno.ENOMEM)
            {
                // More processes than fit: the kernel copied a partial list. Ask for the size again and retry.
                continue;
            }

            if (!read.Succeeded)
            {
                throw Interop.GetExceptionForErrno(read.Errno, "sysctl(KERN_PROC_ALL)");
            }

            if (read.Length < 0 || read.Length > buffer.Length || read.Length % KinfoProcLayout.Size != 0)
            {
                throw new IOException(
                    $"sysctl(KERN_PROC_ALL) returned {read.Length} bytes, not a whole number of {KinfoProcLayout.Size}-byte kinfo_proc records.");
            }

            return (int)read.Length;
        }

        throw new IOException($"sysctl(KERN_PROC_ALL) kept running out of room after {MaxAttempts} attempts: the process table grows too fast.");
    }

    /// <summary>Reads one process through <c>KERN_PROC_PID</c>.</summary>
    /// <returns>False when the process does not exist (or the answer is not one record).</returns>
    public bool TryRead(int pid, out KinfoProcRecord record)
    {
        record = default;
        if (pid < 0)
        {
            return false;
        }

        var buffer = new byte[KinfoProcLayout.Size];
        var read = _sysctl.Read(SysctlNames.ProcPid(pid), buffer, buffer.Length);
        return read.Succeeded
            && read.Length == KinfoProcLayout.Size
            && KinfoProcDecoder.TryDecode(buffer, out record)
            && record.Pid == pid;
    }
}
