using System.Buffers.Binary;

namespace Tracing.Darwin.KinfoProc;

/// <summary>Decodes <c>KERN_PROC_*</c> answers: arrays of 648-byte <c>struct kinfo_proc</c>. Pure; never throws on bad input.</summary>
internal static class KinfoProcDecoder
{
    /// <summary>The record size every 64-bit caller gets.</summary>
    public const int RecordSize = KinfoProcLayout.Size;

    /// <summary>Decodes one record.</summary>
    /// <returns>False when <paramref name="record"/> is not exactly one record long or holds a negative pid.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> record, out KinfoProcRecord result)
    {
        if (record.Length != KinfoProcLayout.Size)
        {
            result = default;
            return false;
        }

        var pid = BinaryPrimitives.ReadInt32LittleEndian(record[KinfoProcLayout.p_pid..]);
        result = new KinfoProcRecord
        {
            Pid = pid,
            ParentPid = BinaryPrimitives.ReadInt32LittleEndian(record[KinfoProcLayout.e_ppid..]),
            ProcessGroupId = BinaryPrimitives.ReadInt32LittleEndian(record[KinfoProcLayout.e_pgid..]),
            StartSeconds = BinaryPrimitives.ReadInt64LittleEndian(record[KinfoProcLayout.p_starttime_tv_sec..]),
            StartMicroseconds = BinaryPrimitives.ReadInt32LittleEndian(record[KinfoProcLayout.p_starttime_tv_usec..]),
            CommandName = CommandName16.From(record.Slice(KinfoProcLayout.p_comm, KinfoProcLayout.MAXCOMLEN)),
            RealUid = BinaryPrimitives.ReadUInt32LittleEndian(record[KinfoProcLayout.p_ruid..]),
            EffectiveUid = BinaryPrimitives.ReadUInt32LittleEndian(record[KinfoProcLayout.cr_uid..]),
            Status = record[KinfoProcLayout.p_stat],
            Flags = BinaryPrimitives.ReadInt32LittleEndian(record[KinfoProcLayout.p_flag..]),
        };
        return pid >= 0;
    }

    /// <summary>Decodes a whole answer into <paramref name="records"/> (cleared first).</summary>
    /// <returns>False, with <paramref name="records"/> empty, when the length is not a multiple of 648 or a record is bad.</returns>
    public static bool TryDecodeAll(ReadOnlySpan<byte> buffer, List<KinfoProcRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        records.Clear();
        if (buffer.Length % KinfoProcLayout.Size != 0)
        {
            return false;
        }

        for (var offset = 0; offset < buffer.Length; offset += KinfoProcLayout.Size)
        {
            if (!TryDecode(buffer.Slice(offset, KinfoProcLayout.Size), out var record))
            {
                records.Clear();
                return false;
            }

            records.Add(record);
        }

        return true;
    }
}
