using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux.Bpf.Btf;

internal sealed partial class BtfTypes
{
    /// <summary>
    /// The type <paramref name="typeId"/> stands for, through typedefs, const, volatile, restrict and type tags; false for
    /// void, an id past the last, or a chain longer than <see cref="MaxDepth"/> (a cycle).
    /// </summary>
    private bool TryResolve(uint typeId, out uint resolvedId, out BtfType type)
    {
        resolvedId = typeId;
        for (var hops = 0; hops <= MaxDepth; hops++)
        {
            if (!TryGetType(resolvedId, out type))
            {
                return false;
            }

            if (type.Kind is not (BtfKind.Typedef or BtfKind.Const or BtfKind.Volatile or BtfKind.Restrict or BtfKind.TypeTag))
            {
                return true;
            }

            resolvedId = type.SizeOrType;
        }

        type = default;
        return false;
    }

    /// <summary>The struct or union <paramref name="typeId"/> stands for, if it stands for one.</summary>
    private bool TryGetComposite(uint typeId, out uint compositeId) =>
        TryResolve(typeId, out compositeId, out var type) && type.Kind is BtfKind.Struct or BtfKind.Union;

    /// <summary>
    /// The size in bytes of what <paramref name="typeId"/> stands for: an INT's, ENUM's, STRUCT's... own, a pointer's
    /// <see cref="PointerSize"/>, an array's element size times its count. False (with a phrase for the message) for void,
    /// a FWD (incomplete), a function, or a size past <see cref="int.MaxValue"/>.
    /// </summary>
    private bool TryGetSize(uint typeId, int depth, out int size, [NotNullWhen(false)] out string? problem)
    {
        size = 0;
        problem = null;
        if (depth > MaxDepth || !TryResolve(typeId, out _, out var type))
        {
            problem = typeId == 0 ? "is void: it has no size" : $"has a type (id {typeId}) missing from the BTF, or a cycle of typedefs";
            return false;
        }

        switch (type.Kind)
        {
            case BtfKind.Int or BtfKind.Enum or BtfKind.Enum64 or BtfKind.Struct or BtfKind.Union or BtfKind.Float or BtfKind.Datasec:
                if (type.SizeOrType > int.MaxValue)
                {
                    problem = $"has a size past 2 GiB ({type.SizeOrType} bytes)";
                    return false;
                }

                size = (int)type.SizeOrType;
                return true;
            case BtfKind.Ptr:
                size = PointerSize;
                return true;
            case BtfKind.Array:
                if (!TryGetSize(ReadUInt32(type.DataPosition), depth + 1, out var element, out problem))
                {
                    return false;
                }

                var total = (long)element * ReadUInt32(type.DataPosition + 8);
                if (total > int.MaxValue)
                {
                    problem = $"is an array past 2 GiB ({total} bytes)";
                    return false;
                }

                size = (int)total;
                return true;
            case BtfKind.Fwd:
                problem = "is of an incomplete type (only declared, a FWD): it has no size";
                return false;
            default:
                problem = $"is a {BtfType.KindName(type.Kind)}, which has no size";
                return false;
        }
    }

    /// <summary>How a type shows in a message: its kind and name.</summary>
    private string Describe(uint typeId) =>
        !TryResolve(typeId, out _, out var type) ? (typeId == 0 ? "void" : $"type {typeId} (missing, or a cycle)")
        : NameOf(type.NameOffset) is { IsEmpty: false } name ? $"{BtfType.KindName(type.Kind)} {System.Text.Encoding.UTF8.GetString(name)}"
        : $"an anonymous {BtfType.KindName(type.Kind)}";
}
