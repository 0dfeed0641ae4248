using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tracing.Linux.CnProc;

/// <summary>
/// One proc connector event: the header and the raw union, laid out as the kernel's <c>struct proc_event</c>.
/// The union members are properties that read their bytes like C does, so only those <see cref="What"/>
/// names are meaningful; the others alias them.
/// </summary>
// From include/uapi/linux/cn_proc.h: struct proc_event
[StructLayout(LayoutKind.Sequential)]
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "Internal fields keep the C names; the public surface is the properties.")]
internal readonly partial struct ProcEvent
{
    /// <summary><c>sizeof(struct proc_event)</c>.</summary>
    public const int Size = 40;

    /// <summary>The size of the header before the union: <c>what</c>, <c>cpu</c>, <c>timestamp_ns</c>.</summary>
    public const int HeaderSize = 16;

    internal readonly ProcEventWhat what;
    internal readonly uint cpu;
    internal readonly ulong timestamp_ns;
    internal readonly ProcEventData event_data;

    /// <summary>Which member of the union is valid.</summary>
    public ProcEventWhat What => what;

    /// <summary>The CPU that sent the event; <c>cn_msg.seq</c> counts per CPU.</summary>
    public uint Cpu => cpu;

    /// <summary>When, in nanoseconds of <c>CLOCK_MONOTONIC</c>.</summary>
    public ulong TimestampNs => timestamp_ns;

    /// <summary>
    /// Reads an event from a <c>cn_msg</c> payload of <paramref name="payload"/>.Length bytes; false when the
    /// payload is shorter than the header plus the union member <c>what</c> names. Missing tail bytes read as zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryRead(ReadOnlySpan<byte> payload, out ProcEvent procEvent)
    {
        if (payload.Length >= Size)
        {
            procEvent = MemoryMarshal.Read<ProcEvent>(payload);
            return true;
        }

        return TryReadShort(payload, out procEvent);
    }

    private static bool TryReadShort(ReadOnlySpan<byte> payload, out ProcEvent procEvent)
    {
        procEvent = default;
        if (payload.Length < HeaderSize
            || payload.Length < HeaderSize + GetDataSize(MemoryMarshal.Read<ProcEventWhat>(payload)))
        {
            return false;
        }

        payload.CopyTo(MemoryMarshal.AsBytes(new Span<ProcEvent>(ref procEvent)));
        return true;
    }

    /// <summary>How many bytes of the union the kernel's member for <paramref name="what"/> uses.</summary>
    internal static int GetDataSize(ProcEventWhat what) => what switch
    {
        ProcEventWhat.None => 4,
        ProcEventWhat.Exec or ProcEventWhat.Sid => 8,
        ProcEventWhat.Fork or ProcEventWhat.Uid or ProcEventWhat.Gid or ProcEventWhat.Ptrace or ProcEventWhat.Coredump => 16,
        ProcEventWhat.Comm or ProcEventWhat.Exit => 24,
        _ => 0,
    };
}
