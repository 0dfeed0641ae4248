using System.Buffers.Binary;
using System.Text;
using Tracing.Linux.Bpf.Btf;

namespace Tracing.Linux.Tests.Bpf.Btf;

/// <summary>
/// Writes small BTF blobs for tests, following Documentation/bpf/btf.rst's encoding: a 24-byte header, the type section
/// (each type a <c>btf_type</c> and its kind's data, all u32 little-endian), then the string section. Each method adds a
/// type and returns its id (ids count from 1, in the order added).
/// </summary>
internal sealed class BtfBuilder
{
    private readonly List<byte> _strings = [0];
    private readonly List<uint> _types = [];
    private uint _count;

    /// <summary>The offset of <paramref name="name"/> in the string section; 0 (the empty string) for null.</summary>
    public uint Name(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return 0;
        }

        var offset = (uint)_strings.Count;
        _strings.AddRange(Encoding.UTF8.GetBytes(name));
        _strings.Add(0);
        return offset;
    }

    /// <summary>Adds a type of any kind number, known or not, with its data words as given.</summary>
    public uint Raw(int kind, int vlen, uint sizeOrType, string? name = null, bool kindFlag = false, params uint[] data)
    {
        _types.Add(Name(name));
        _types.Add((kindFlag ? 1u << 31 : 0) | ((uint)kind << 24) | (uint)vlen);
        _types.Add(sizeOrType);
        _types.AddRange(data);
        return ++_count;
    }

    public uint Int(string name, uint size, uint bits = 0, uint bitOffset = 0, uint encoding = 1) =>
        Raw(1, 0, size, name, false, (encoding << 24) | (bitOffset << 16) | (bits == 0 ? size * 8 : bits));

    public uint Ptr(uint type) => Raw(2, 0, type);

    public uint Array(uint element, uint index, uint count) => Raw(3, 0, 0, null, false, element, index, count);

    /// <summary>A struct without kind_flag: member offsets are plain bit offsets.</summary>
    public uint Struct(string? name, uint size, params (string? Name, uint Type, uint BitOffset)[] members) =>
        Composite(4, name, size, false, members.Select(m => (m.Name, m.Type, m.BitOffset)));

    /// <summary>A struct with kind_flag: each offset packs a bitfield size (bits 24-31, 0 for a plain member) and the bit offset.</summary>
    public uint StructWithBitfields(string? name, uint size, params (string? Name, uint Type, uint BitOffset, uint BitfieldSize)[] members) =>
        Composite(4, name, size, true, members.Select(m => (m.Name, m.Type, (m.BitfieldSize << 24) | m.BitOffset)));

    public uint Union(string? name, uint size, params (string? Name, uint Type, uint BitOffset)[] members) =>
        Composite(5, name, size, false, members.Select(m => (m.Name, m.Type, m.BitOffset)));

    public uint Enum(string? name, uint size, params (string Name, int Value)[] values) =>
        Raw(6, values.Length, size, name, false, [.. values.SelectMany(v => new[] { Name(v.Name), (uint)v.Value })]);

    public uint Fwd(string name, bool union = false) => Raw(7, 0, 0, name, union);

    public uint Typedef(string name, uint type) => Raw(8, 0, type, name);

    public uint Volatile(uint type) => Raw(9, 0, type);

    public uint Const(uint type) => Raw(10, 0, type);

    public uint Restrict(uint type) => Raw(11, 0, type);

    public uint Func(string name, uint prototype, int linkage = 1) => Raw(12, linkage, prototype, name);

    public uint FuncProto(uint returnType, params (string? Name, uint Type)[] parameters) =>
        Raw(13, parameters.Length, returnType, null, false, [.. parameters.SelectMany(p => new[] { Name(p.Name), p.Type })]);

    public uint Var(string name, uint type, uint linkage = 1) => Raw(14, 0, type, name, false, linkage);

    public uint Datasec(string name, uint size, params (uint Type, uint Offset, uint Size)[] variables) =>
        Raw(15, variables.Length, size, name, false, [.. variables.SelectMany(v => new[] { v.Type, v.Offset, v.Size })]);

    public uint Float(string name, uint size) => Raw(16, 0, size, name);

    public uint DeclTag(string name, uint type, int componentIndex = -1) => Raw(17, 0, type, name, false, (uint)componentIndex);

    public uint TypeTag(string name, uint type) => Raw(18, 0, type, name);

    public uint Enum64(string? name, uint size, params (string Name, long Value)[] values) =>
        Raw(19, values.Length, size, name, false, [.. values.SelectMany(v => new[] { Name(v.Name), (uint)v.Value, (uint)(v.Value >> 32) })]);

    /// <summary>The blob: header, type section, string section.</summary>
    public byte[] Build()
    {
        var typeLength = _types.Count * 4;
        var blob = new byte[BtfHeader.Size + typeLength + _strings.Count];
        BinaryPrimitives.WriteUInt16LittleEndian(blob, BtfHeader.BtfMagic);
        blob[2] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(4), BtfHeader.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(8), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(12), (uint)typeLength);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(16), (uint)typeLength);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(20), (uint)_strings.Count);
        for (var i = 0; i < _types.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(BtfHeader.Size + (i * 4)), _types[i]);
        }

        _strings.CopyTo(blob, BtfHeader.Size + typeLength);
        return blob;
    }

    /// <summary>Builds and parses; the test fails with the reader's message if the blob does not parse.</summary>
    public BtfTypes Parse()
    {
        Assert.True(BtfTypes.TryParse(Build(), out var types, out var error), error);
        return types;
    }

    private uint Composite(int kind, string? name, uint size, bool kindFlag, IEnumerable<(string? Name, uint Type, uint Offset)> members)
    {
        var list = members.ToList();
        return Raw(kind, list.Count, size, name, kindFlag, [.. list.SelectMany(m => new[] { Name(m.Name), m.Type, m.Offset })]);
    }
}
