namespace Tracing.Linux.Bpf.Btf;

/// <summary><c>struct btf_type</c>, the 12 bytes that open every type, and where the type's own data follows.</summary>
/// <param name="Position">Where the <c>btf_type</c> starts in the blob.</param>
/// <param name="NameOffset">Its name's offset in the string section (0 for an anonymous type).</param>
/// <param name="Info">vlen (bits 0-15), kind (bits 24-28), kind_flag (bit 31).</param>
/// <param name="SizeOrType">The size of an INT, ENUM, ENUM64, STRUCT, UNION, FLOAT or DATASEC; the type id any other kind refers to.</param>
internal readonly record struct BtfType(int Position, uint NameOffset, uint Info, uint SizeOrType)
{
    /// <summary>The size of <c>struct btf_type</c>.</summary>
    public const int Size = 12;

    public BtfKind Kind => (BtfKind)((Info >> 24) & 0x1f);

    /// <summary>How many members, enumerators, parameters or section entries follow.</summary>
    public int Vlen => (int)(Info & 0xffff);

    /// <summary>For a STRUCT or UNION: each member's offset packs a bitfield size (bits 24-31) with the bit offset (bits 0-23).</summary>
    public bool KindFlag => (Info >> 31) != 0;

    /// <summary>Where the kind's own data (members, array, ...) starts in the blob.</summary>
    public int DataPosition => Position + Size;

    /// <summary>The kind as the kernel spells it (BTF_KIND_FUNC_PROTO is FUNC_PROTO), for messages.</summary>
    public static string KindName(BtfKind kind) => kind switch
    {
        BtfKind.FuncProto => "FUNC_PROTO",
        BtfKind.DeclTag => "DECL_TAG",
        BtfKind.TypeTag => "TYPE_TAG",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary>
    /// How many bytes of the kind's own data follow the <c>btf_type</c> (Documentation/bpf/btf.rst, "Type Encoding");
    /// false for a kind this reader does not know, whose length it cannot tell.
    /// </summary>
    public static bool TryGetDataLength(BtfKind kind, int vlen, out int length)
    {
        length = kind switch
        {
            BtfKind.Int or BtfKind.Var or BtfKind.DeclTag => 4,
            BtfKind.Array => 12,
            BtfKind.Struct or BtfKind.Union or BtfKind.Datasec or BtfKind.Enum64 => vlen * 12,
            BtfKind.Enum or BtfKind.FuncProto => vlen * 8,
            BtfKind.Ptr or BtfKind.Fwd or BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const or BtfKind.Restrict
                or BtfKind.Func or BtfKind.Float or BtfKind.TypeTag => 0,
            _ => -1,
        };
        return length >= 0;
    }
}
