namespace Tracing.Linux.Bpf.Tracepoints;

/// <summary>One field of a tracepoint's record, as its <c>format</c> file declares it.</summary>
/// <param name="Name">The field's name: the declaration's last identifier (<c>argv</c> in <c>const char *const * argv</c>).</param>
/// <param name="Declaration">The declaration as written, e.g. <c>__data_loc char[] filename</c>.</param>
/// <param name="Offset">Its offset in the record, in bytes.</param>
/// <param name="Size">Its size, in bytes.</param>
/// <param name="Signed">Whether it is a signed integer.</param>
internal sealed record TracepointField(string Name, string Declaration, int Offset, int Size, bool Signed)
{
    /// <summary>
    /// A <c>__data_loc</c> field holds where its data is, not the data: its low 16 bits the offset in the record, its
    /// high 16 bits the length (a string's, with its NUL).
    /// </summary>
    public bool IsDataLocation => Declaration.StartsWith("__data_loc ", StringComparison.Ordinal);

    /// <summary>Common fields (<c>common_pid</c>, ...) open every record and cannot be read by a tracepoint program.</summary>
    public bool IsCommon => Name.StartsWith("common_", StringComparison.Ordinal);
}
