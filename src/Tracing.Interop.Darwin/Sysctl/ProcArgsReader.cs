using System.Buffers;
using System.Text;
using Tracing.Events;
using Tracing.Darwin.ProcArgs;

namespace Tracing.Darwin.Sysctl;

/// <summary>
/// Reads a process's exec path and argv through <c>KERN_PROCARGS2</c>, always with a <c>kern.argmax</c>-sized
/// buffer: a smaller one does not fail but returns the wrong end of the area. Safe to use from several threads.
/// </summary>
internal sealed class ProcArgsReader
{
    // XNU bsd/sys/syslimits.h: ARG_MAX on macOS, used only when kern.argmax cannot be read.
    private const int DefaultArgMax = 1024 * 1024;

    private readonly ISysctl _sysctl;
    private readonly ProcessTableReader _table;
    private readonly Lazy<int> _bufferLength;

    /// <summary>Creates a reader over <paramref name="sysctl"/>.</summary>
    public ProcArgsReader(ISysctl sysctl)
    {
        ArgumentNullException.ThrowIfNull(sysctl);
        _sysctl = sysctl;
        _table = new ProcessTableReader(sysctl);
        _bufferLength = new Lazy<int>(ReadArgMax);
    }

    /// <summary>The buffer each read uses: <c>kern.argmax</c> (1 MiB on macOS).</summary>
    public int BufferLength => _bufferLength.Value;

    /// <summary>Reads argv and the exec path of <paramref name="pid"/>.</summary>
    /// <param name="pid">The process.</param>
    /// <param name="arguments">At most argc strings; never environment or apple strings.</param>
    /// <param name="execPath">The path given to exec, as given (it may be relative; for a script, the interpreter).</param>
    public ProcArgsReadResult TryRead(int pid, out ProcessArguments? arguments, out string? execPath)
    {
        (ProcessArguments? Arguments, string? Path) result = default;
        var read = TryRead(pid, (ReadOnlySpan<byte> blob, ref (ProcessArguments?, string?) decoded) =>
        {
            if (!ProcArgs2Decoder.TryDecode(blob, out var path, out var argv, out _))
            {
                return false;
            }

            decoded = (ProcessArguments.FromNulSeparated(argv), Encoding.UTF8.GetString(path));
            return true;
        }, ref result);
        (arguments, execPath) = result;
        return read;
    }

    /// <summary>
    /// Reads the environment of <paramref name="pid"/>, the strings after argv, when the kernel gives it and the
    /// answer tells where it ends (<see cref="ProcArgs2Decoder.TryDecodeEnvironment"/>); else NotPermitted.
    /// </summary>
    public ProcArgsReadResult TryReadEnvironment(int pid, out ProcessArguments? environment)
    {
        environment = null;
        return TryRead(pid, (ReadOnlySpan<byte> blob, ref ProcessArguments? decoded) =>
        {
            if (!ProcArgs2Decoder.TryDecodeEnvironment(blob, out var strings))
            {
                return false;
            }

            decoded = ProcessArguments.FromNulSeparated(strings);
            return true;
        }, ref environment);
    }

    private delegate bool Decoder<T>(ReadOnlySpan<byte> blob, ref T decoded);

    private ProcArgsReadResult TryRead<T>(int pid, Decoder<T> decode, ref T decoded)
    {
        if (pid <= 0)
        {
            // pid 0 is the kernel: it has no user stack, and the kernel answers EINVAL.
            return pid == 0 ? ProcArgsReadResult.NotPermitted : ProcArgsReadResult.Gone;
        }

        var length = _bufferLength.Value;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var used = 0;
        try
        {
            var read = _sysctl.Read(SysctlNames.ProcArgs2(pid), buffer, length);
            if (!read.Succeeded)
            {
                return Explain(pid, read.Errno);
            }

            if (read.Length < 0 || read.Length > length || !decode(buffer.AsSpan(0, used = (int)read.Length), ref decoded))
            {
                return ProcArgsReadResult.NotPermitted;
            }

            return ProcArgsReadResult.Read;
        }
        finally
        {
            // The environment and argv may hold secrets: leave none of them in the shared pool.
            buffer.AsSpan(0, used).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The kernel says EINVAL for a missing pid, a zombie and another user's process alike: ask the table which.
    private ProcArgsReadResult Explain(int pid, int errno) =>
        errno == Interop.Errno.ESRCH || !_table.TryRead(pid, out var record) || record.IsZombie
            ? ProcArgsReadResult.Gone
            : ProcArgsReadResult.NotPermitted;

    private int ReadArgMax()
    {
        var buffer = new byte[sizeof(int)];
        var read = _sysctl.Read(SysctlNames.ArgMax, buffer, buffer.Length);
        var argMax = read.Succeeded && read.Length == sizeof(int) ? BitConverter.ToInt32(buffer) : 0;
        // The kernel takes 5 <= *oldlenp <= ARG_MAX + 4; ps, psutil and Jenkins all pass kern.argmax itself.
        return argMax > 4 ? argMax : DefaultArgMax;
    }
}
