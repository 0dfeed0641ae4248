using System.Buffers.Binary;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>
/// Builds one proc connector datagram as the kernel sends it, at the offsets of docs/reference/cn_proc.md's message layout
/// (literal numbers on purpose, sharing nothing with the reader): for cases that need one particular event, whatever
/// the recorded fixtures hold.
/// </summary>
internal static class CnProcDatagramBuilder
{
    public const int Length = 76;

    public static byte[] Fork(int parentPid, int parentTgid, int childPid, int childTgid, long timestampNs = 1_000) =>
        Event(0x1, timestampNs, [parentPid, parentTgid, childPid, childTgid]);

    public static byte[] Exec(int pid, int tgid, long timestampNs = 1_000) => Event(0x2, timestampNs, [pid, tgid]);

    public static byte[] Exit(int pid, int tgid, int exitCode, int exitSignal, int parentPid, int parentTgid, long timestampNs = 1_000) =>
        Event(0x80000000, timestampNs, [pid, tgid, exitCode, exitSignal, parentPid, parentTgid]);

    public static byte[] Coredump(int pid, int tgid, int parentPid, int parentTgid, long timestampNs = 1_000) =>
        Event(0x40000000, timestampNs, [pid, tgid, parentPid, parentTgid]);

    /// <summary>A COMM event whose 16 <c>comm</c> bytes are <paramref name="comm"/> (shorter: NUL-filled).</summary>
    public static byte[] Comm(int pid, int tgid, ReadOnlySpan<byte> comm, long timestampNs = 1_000)
    {
        var datagram = Event(0x200, timestampNs, [pid, tgid]);
        comm[..Math.Min(comm.Length, 16)].CopyTo(datagram.AsSpan(60));
        return datagram;
    }

    /// <summary>
    /// <c>nlmsghdr</c> (NLMSG_DONE, 76 bytes) + <c>cn_msg</c> (idx/val 1/1, len 40) + <c>proc_event</c> with
    /// <paramref name="what"/>, <paramref name="timestampNs"/> and <paramref name="data"/> as the u32s of the union.
    /// </summary>
    public static byte[] Event(uint what, long timestampNs, ReadOnlySpan<int> data, uint cpu = 1, uint sequence = 4242)
    {
        var datagram = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(0), Length);
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(8), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(16), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(24), sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(datagram.AsSpan(32), 40);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(36), what);
        BinaryPrimitives.WriteUInt32LittleEndian(datagram.AsSpan(40), cpu);
        BinaryPrimitives.WriteInt64LittleEndian(datagram.AsSpan(44), timestampNs);
        for (var i = 0; i < Math.Min(data.Length, 6); i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(datagram.AsSpan(52 + (4 * i)), data[i]);
        }

        return datagram;
    }
}
