using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Tracing.Darwin.KinfoProc;

/// <summary>
/// A <c>p_comm</c> held as its 16 raw bytes, so a poll compares names without allocating a string per process.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct CommandName16
{
    private readonly ulong _low;
    private readonly ulong _high;

    private CommandName16(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>Takes the name from <paramref name="bytes"/>: up to the first NUL, at most 16 bytes.</summary>
    public static CommandName16 From(ReadOnlySpan<byte> bytes)
    {
        Span<byte> name = stackalloc byte[KinfoProcLayout.MAXCOMLEN];
        name.Clear();
        var end = bytes.IndexOf((byte)0);
        var length = Math.Min(end < 0 ? bytes.Length : end, name.Length);
        bytes[..length].CopyTo(name);
        return new CommandName16(BinaryPrimitives.ReadUInt64LittleEndian(name), BinaryPrimitives.ReadUInt64LittleEndian(name[8..]));
    }

    /// <summary>Takes the name from a string, encoded as UTF-8 and cut to 16 bytes.</summary>
    public static CommandName16 From(string name) => From(Encoding.UTF8.GetBytes(name));

    /// <summary>The name, decoded as UTF-8.</summary>
    public override string ToString()
    {
        Span<byte> name = stackalloc byte[KinfoProcLayout.MAXCOMLEN];
        BinaryPrimitives.WriteUInt64LittleEndian(name, _low);
        BinaryPrimitives.WriteUInt64LittleEndian(name[8..], _high);
        var end = name.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? name : name[..end]);
    }
}
