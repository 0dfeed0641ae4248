using System.Buffers.Binary;
using System.Text;
using Tracing.Events;
using Tracing.Linux.Bpf.Programs;
using Tracing.Ports;

namespace Tracing.Linux.Bpf.Events;

/// <summary>
/// Turns the programs' ring-buffer records (<see cref="RecordLayout"/>) into kernel events. Length-checked, never
/// throws: a record too short for its kind, or of a kind not known, is not an event (false).
/// </summary>
internal static class BpfRecordDecoder
{
    /// <summary>Decodes <paramref name="record"/>; false when it is not a whole record of a known kind.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> record, out KernelEvent kernelEvent)
    {
        kernelEvent = default;
        if (record.Length < RecordLayout.ForkSize)
        {
            return false;
        }

        var kind = U32(record, RecordLayout.Kind);
        var common = new KernelEvent
        {
            Pid = I32(record, RecordLayout.Pid),
            Tgid = I32(record, RecordLayout.Tgid),
            ParentPid = I32(record, RecordLayout.ParentPid),
            ParentTgid = I32(record, RecordLayout.ParentTgid),
            TimestampNs = (long)BinaryPrimitives.ReadUInt64LittleEndian(record[RecordLayout.Timestamp..]),
        };

        switch (kind)
        {
            case RecordLayout.KindFork:
                kernelEvent = common with { Kind = KernelEventKind.Fork };
                return true;
            case RecordLayout.KindExit when record.Length >= RecordLayout.ExitSize:
                kernelEvent = common with
                {
                    Kind = KernelEventKind.Exit,
                    ExitCode = I32(record, RecordLayout.Detail),
                    ExitSignal = I32(record, RecordLayout.ExitSignal),
                };
                return true;
            case RecordLayout.KindExec when TryCapture(record, failed: false, out var capture):
                kernelEvent = common with { Kind = KernelEventKind.Exec, Capture = capture };
                return true;
            case RecordLayout.KindExecFailed when TryCapture(record, failed: true, out var capture):
                kernelEvent = common with { Kind = KernelEventKind.ExecFailed, Capture = capture };
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Decodes a made-up record of each kind, so that the first real ones do not wait for the JIT while their processes
    /// end (run on the receive thread before the programs are attached).
    /// </summary>
    public static void WarmUp()
    {
        Span<byte> record = stackalloc byte[RecordLayout.ExecHeaderSize + 8];
        record.Clear();
        "a\0b\0"u8.CopyTo(record[RecordLayout.ExecHeaderSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record[RecordLayout.ArgvLength..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(record[RecordLayout.ArgvFullLength..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(record[RecordLayout.PathLength..], 2);
        "sh"u8.CopyTo(record[RecordLayout.Comm..]);
        foreach (var kind in (ReadOnlySpan<int>)[RecordLayout.KindFork, RecordLayout.KindExit, RecordLayout.KindExec, RecordLayout.KindExecFailed])
        {
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)kind);
            _ = TryDecode(record, out _);
        }
    }

    // The exec header, then argv (ArgvLength bytes), then for a failed exec the path (PathLength bytes, its NUL last).
    private static bool TryCapture(ReadOnlySpan<byte> record, bool failed, out ExecCapture? capture)
    {
        capture = null;
        if (record.Length < RecordLayout.ExecHeaderSize)
        {
            return false;
        }

        var argvLength = U32(record, RecordLayout.ArgvLength);
        var fullLength = U32(record, RecordLayout.ArgvFullLength);
        var pathLength = U32(record, RecordLayout.PathLength);
        var flags = U32(record, RecordLayout.Flags);
        var body = record[RecordLayout.ExecHeaderSize..];
        if (argvLength > (uint)body.Length || pathLength > (uint)body.Length - argvLength)
        {
            return false;
        }

        var argv = body[..(int)argvLength];
        var path = body.Slice((int)argvLength, (int)pathLength);
        var pathEnd = path.IndexOf((byte)0);
        var errno = I32(record, RecordLayout.Detail);
        var unreadable = (flags & RecordLayout.FlagArgvUnreadable) != 0;
        var parent = I32(record, RecordLayout.ParentTgid);
        capture = new ExecCapture
        {
            Arguments = unreadable || argv.IsEmpty ? null : ProcessArguments.FromNulSeparated(argv),
            ArgumentsTruncated = !unreadable && (argvLength < fullLength || (flags & RecordLayout.FlagArgvTruncated) != 0),
            CommandName = CommandName(record.Slice(RecordLayout.Comm, RecordLayout.CommLength)),
            Identity = new ProcessIdentity(parent, new ProcessCredentials(U32(record, RecordLayout.Uid), U32(record, RecordLayout.Euid)), BinaryPrimitives.ReadUInt64LittleEndian(record[RecordLayout.CgroupId..])),
            Path = pathEnd >= 0 ? path[..pathEnd].ToArray() : path.ToArray(),
            Errno = failed ? errno : 0,
            ErrorName = failed ? ErrnoNames.Get(errno) : null,
        };
        return true;
    }

    // comm is NUL-terminated within its 16 bytes; empty means not read.
    private static string? CommandName(ReadOnlySpan<byte> comm)
    {
        var end = comm.IndexOf((byte)0);
        var name = end >= 0 ? comm[..end] : comm;
        return name.IsEmpty ? null : Encoding.UTF8.GetString(name);
    }

    private static uint U32(ReadOnlySpan<byte> record, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(record[offset..]);

    private static int I32(ReadOnlySpan<byte> record, int offset) => BinaryPrimitives.ReadInt32LittleEndian(record[offset..]);
}
