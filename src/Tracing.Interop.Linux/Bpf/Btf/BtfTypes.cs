using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux.Bpf.Btf;

/// <summary>
/// The types of one BTF blob (e.g. <c>/sys/kernel/btf/vmlinux</c>): parsed once by stepping over every type and keeping
/// only where each starts, then read in place to find struct members (<see cref="TryGetMember"/>). Type ids count from
/// 1 in the order types are encoded; id 0 is <c>void</c>. Split BTF (a module's, whose ids continue vmlinux's) is not read.
/// </summary>
internal sealed partial class BtfTypes
{
    private readonly byte[] _data;

    // Where each type's btf_type starts in _data, by id; [0] (void) is unused.
    private readonly int[] _positions;

    // TryFindStructs's answers by name: the ids found, or why none was.
    private readonly Dictionary<string, (List<uint>? Ids, string? Error)> _structsByName = new(StringComparer.Ordinal);

    private BtfTypes(byte[] data, BtfHeader header, int[] positions, int count, int pointerSize)
    {
        _data = data;
        _positions = positions;
        Header = header;
        TypeCount = count;
        PointerSize = pointerSize;
    }

    public BtfHeader Header { get; }

    /// <summary>How many types the blob encodes (ids 1 to <see cref="TypeCount"/>).</summary>
    public int TypeCount { get; }

    /// <summary>
    /// The size of a pointer in the BTF's world: that of its <c>long</c> (as libbpf tells it), or this process's
    /// when the BTF has no <c>long</c>.
    /// </summary>
    public int PointerSize { get; }

    /// <summary>Parses a copy of <paramref name="data"/>; see <see cref="TryParse(byte[], out BtfTypes?, out string?)"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out BtfTypes? types, [NotNullWhen(false)] out string? error) =>
        TryParse(data.ToArray(), out types, out error);

    /// <summary>
    /// Parses <paramref name="data"/>, which it keeps (not copied; it must not change afterwards): the header, then every
    /// type of the type section stepped over by its kind's length. False, with the reason, when it is not BTF this reader
    /// can read: truncated, sections out of the blob, a type cut short or of an unknown kind. Never throws on bad input.
    /// </summary>
    public static bool TryParse(byte[] data, [NotNullWhen(true)] out BtfTypes? types, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(data);
        types = null;
        if (!BtfHeader.TryRead(data, out var header, out error))
        {
            return false;
        }

        var start = (int)header.TypeStart;
        var end = start + (int)header.TypeLength;

        // A type takes at least 12 bytes; vmlinux averages about 40, so this first guess rarely grows.
        var positions = new int[Math.Max(16, (end - start) / 32)];
        var count = 0;
        var pointerSize = 0;
        var position = start;
        while (position < end)
        {
            var id = count + 1;
            if (end - position < BtfType.Size)
            {
                error = $"type {id} (byte {position - start} of the type section) is cut short: {end - position} bytes left of a {BtfType.Size}-byte btf_type";
                return false;
            }

            var type = Read(data, position);
            if (!BtfType.TryGetDataLength(type.Kind, type.Vlen, out var length))
            {
                error = $"type {id} (byte {position - start} of the type section) is of kind {(int)type.Kind}, which this reader does not know: its length cannot be told";
                return false;
            }

            if (end - position - BtfType.Size < length)
            {
                error = $"type {id} ({BtfType.KindName(type.Kind)}, byte {position - start} of the type section) is cut short: its data takes {length} bytes, {end - position - BtfType.Size} are left";
                return false;
            }

            if (id == positions.Length)
            {
                Array.Resize(ref positions, positions.Length * 2);
            }

            positions[id] = position;
            count = id;
            if (pointerSize == 0 && type.Kind == BtfKind.Int && IsLong(data, header, type.NameOffset))
            {
                pointerSize = (int)type.SizeOrType;
            }

            position += BtfType.Size + length;
        }

        types = new BtfTypes(data, header, positions, count, pointerSize is 4 or 8 ? pointerSize : IntPtr.Size);
        return true;
    }

    /// <summary>The type of id <paramref name="id"/>; false for void (0) and ids past the last.</summary>
    private bool TryGetType(uint id, out BtfType type)
    {
        if (id == 0 || id > (uint)TypeCount)
        {
            type = default;
            return false;
        }

        type = Read(_data, _positions[id]);
        return true;
    }

    private uint ReadUInt32(int position) => BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(position));

    private static BtfType Read(byte[] data, int position)
    {
        var span = data.AsSpan(position, BtfType.Size);
        return new BtfType(
            position,
            BinaryPrimitives.ReadUInt32LittleEndian(span),
            BinaryPrimitives.ReadUInt32LittleEndian(span[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(span[8..]));
    }

    // libbpf guesses the pointer size the same way: a BTF's "long" is pointer-sized on every Linux ABI.
    private static bool IsLong(byte[] data, BtfHeader header, uint nameOffset) =>
        NameOf(data, header, nameOffset) is var name && (name.SequenceEqual("long int"u8) || name.SequenceEqual("long unsigned int"u8));

    /// <summary>The name at <paramref name="nameOffset"/>, without its NUL; empty when out of the section.</summary>
    private static ReadOnlySpan<byte> NameOf(byte[] data, BtfHeader header, uint nameOffset)
    {
        if (nameOffset >= header.StringLength)
        {
            return [];
        }

        // The header check made the section's last byte a NUL, so a terminator is always found.
        var rest = data.AsSpan((int)(header.StringStart + nameOffset), (int)(header.StringLength - nameOffset));
        return rest[..rest.IndexOf((byte)0)];
    }

    private ReadOnlySpan<byte> NameOf(uint nameOffset) => NameOf(_data, Header, nameOffset);
}
