namespace Tracing.Linux.Bpf.Btf;

/// <summary>
/// The kind of a BTF type (bits 24-28 of <c>btf_type.info</c>). From include/uapi/linux/btf.h; the kernel's
/// Documentation/bpf/btf.rst says what follows each kind's <c>btf_type</c>.
/// </summary>
internal enum BtfKind : byte
{
    /// <summary>Not a kind: type id 0 is <c>void</c>, and no encoded type may carry it.</summary>
    Unknown = 0,

    /// <summary>An integer; followed by one u32 (encoding, bit offset, bit count).</summary>
    Int = 1,

    /// <summary>A pointer to <c>type</c>.</summary>
    Ptr = 2,

    /// <summary>An array; followed by <c>btf_array</c> (element type, index type, element count).</summary>
    Array = 3,

    /// <summary>A struct of <c>size</c> bytes; followed by vlen <c>btf_member</c>s.</summary>
    Struct = 4,

    /// <summary>A union of <c>size</c> bytes; followed by vlen <c>btf_member</c>s.</summary>
    Union = 5,

    /// <summary>An enum of 32-bit values; followed by vlen <c>btf_enum</c>s (name, value).</summary>
    Enum = 6,

    /// <summary>A forward declaration of a struct or union (a union when kind_flag is set); nothing follows.</summary>
    Fwd = 7,

    /// <summary>A typedef naming <c>type</c>.</summary>
    Typedef = 8,

    /// <summary><c>volatile</c> <c>type</c>.</summary>
    Volatile = 9,

    /// <summary><c>const</c> <c>type</c>.</summary>
    Const = 10,

    /// <summary><c>restrict</c> <c>type</c>.</summary>
    Restrict = 11,

    /// <summary>A function (vlen is its linkage) of prototype <c>type</c>.</summary>
    Func = 12,

    /// <summary>A function prototype returning <c>type</c>; followed by vlen <c>btf_param</c>s (name, type).</summary>
    FuncProto = 13,

    /// <summary>A variable of <c>type</c>; followed by <c>btf_var</c> (its linkage).</summary>
    Var = 14,

    /// <summary>A data section; followed by vlen <c>btf_var_secinfo</c>s (type, offset, size).</summary>
    Datasec = 15,

    /// <summary>A floating-point type of <c>size</c> bytes.</summary>
    Float = 16,

    /// <summary>A declaration's tag; followed by <c>btf_decl_tag</c> (the member or parameter it tags).</summary>
    DeclTag = 17,

    /// <summary>A type's tag (e.g. <c>__user</c>) on <c>type</c>.</summary>
    TypeTag = 18,

    /// <summary>An enum of 64-bit values; followed by vlen <c>btf_enum64</c>s (name, low and high 32 bits).</summary>
    Enum64 = 19,
}
