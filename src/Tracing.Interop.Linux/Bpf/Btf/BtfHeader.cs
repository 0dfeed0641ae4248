using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux.Bpf.Btf;

/// <summary>
/// <c>struct btf_header</c> (include/uapi/linux/btf.h): where the type and string sections are, in bytes from the
/// header's end. Read little-endian whatever the host, so a big-endian blob (another machine's) is refused by its magic.
/// </summary>
/// <param name="Magic"><c>0xEB9F</c>.</param>
/// <param name="Version">1, the only version there is.</param>
/// <param name="Flags">Unused so far; not checked.</param>
/// <param name="HeaderLength">The header's length: 24 bytes, or more from a newer writer.</param>
/// <param name="TypeOffset">The type section's offset from the header's end.</param>
/// <param name="TypeLength">The type section's length.</param>
/// <param name="StringOffset">The string section's offset from the header's end.</param>
/// <param name="StringLength">The string section's length.</param>
internal readonly record struct BtfHeader(
    ushort Magic, byte Version, byte Flags, uint HeaderLength, uint TypeOffset, uint TypeLength, uint StringOffset, uint StringLength)
{
    /// <summary><c>BTF_MAGIC</c>.</summary>
    public const ushort BtfMagic = 0xEB9F;

    /// <summary>The size of the header's fields this reader knows (<c>sizeof(struct btf_header)</c>).</summary>
    public const int Size = 24;

    /// <summary>Where the type section starts in the blob.</summary>
    public long TypeStart => (long)HeaderLength + TypeOffset;

    /// <summary>Where the string section starts in the blob.</summary>
    public long StringStart => (long)HeaderLength + StringOffset;

    /// <summary>
    /// Reads and checks the header of <paramref name="data"/>: magic, version, and both sections inside the blob, the
    /// string section NUL-terminated. False, with the reason, for anything else; never throws.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out BtfHeader header, [NotNullWhen(false)] out string? error)
    {
        header = default;
        if (data.Length < Size)
        {
            error = $"{data.Length} bytes are shorter than a BTF header ({Size} bytes)";
            return false;
        }

        var magic = BinaryPrimitives.ReadUInt16LittleEndian(data);
        if (magic != BtfMagic)
        {
            error = BinaryPrimitives.ReverseEndianness(magic) == BtfMagic
                ? "the BTF is big-endian (another machine's): only little-endian BTF is read"
                : $"not BTF: the magic is 0x{magic:X4}, where BTF has 0x{BtfMagic:X4}";
            return false;
        }

        header = new BtfHeader(
            magic,
            data[2],
            data[3],
            BinaryPrimitives.ReadUInt32LittleEndian(data[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[12..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[20..]));
        error = header.Check(data);
        return error is null;
    }

    private string? Check(ReadOnlySpan<byte> data)
    {
        if (Version != 1)
        {
            return $"BTF version {Version} is not known (only version 1 is)";
        }

        if (HeaderLength < Size || HeaderLength > data.Length)
        {
            return $"the header's length is {HeaderLength} bytes, in a blob of {data.Length} (at least {Size} expected)";
        }

        if (TypeStart + TypeLength > data.Length)
        {
            return $"the type section (bytes {TypeStart} to {TypeStart + TypeLength}) runs past the blob's end ({data.Length})";
        }

        if (StringStart + StringLength > data.Length)
        {
            return $"the string section (bytes {StringStart} to {StringStart + StringLength}) runs past the blob's end ({data.Length})";
        }

        // Every name is a NUL-terminated string inside the section: a final NUL bounds them all.
        if (StringLength == 0 || data[(int)(StringStart + StringLength - 1)] != 0)
        {
            return "the string section is empty or does not end with a NUL";
        }

        return null;
    }
}
