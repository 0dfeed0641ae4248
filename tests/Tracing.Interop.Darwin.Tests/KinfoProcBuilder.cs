using System.Buffers.Binary;
using System.Text;

namespace Tracing.Darwin.Tests;

/// <summary>Writes 648-byte kinfo_proc records at the offsets of docs/reference/darwin.md §1.2 (literal numbers on purpose).</summary>
internal static class KinfoProcBuilder
{
    public static byte[] Record(int pid, int ppid, string comm, long startSeconds, int startMicroseconds = 0, byte stat = 2, uint ruid = 501, uint euid = 501)
    {
        var record = new byte[648];
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(0), startSeconds);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(8), startMicroseconds);
        record[36] = stat;
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(40), pid);
        Encoding.UTF8.GetBytes(comm).AsSpan(0, Math.Min(16, Encoding.UTF8.GetByteCount(comm))).CopyTo(record.AsSpan(243));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(392), ruid);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(420), euid);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(560), ppid);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(564), pid);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(572), -1);
        return record;
    }

    public static byte[] Table(params byte[][] records) => [.. records.SelectMany(r => r)];
}
