using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Tracing.Linux.Bpf.Btf;

internal sealed partial class BtfTypes
{
    /// <summary>How deep anonymous members or chains of typedefs and qualifiers may go: beyond, the BTF has a cycle.</summary>
    private const int MaxDepth = 32;

    /// <summary>Follows <paramref name="segments"/> from the struct of id <paramref name="structId"/>.</summary>
    private bool TryResolvePath(uint structId, string structName, string[] segments, out BtfMember member, [NotNullWhen(false)] out string? error)
    {
        member = default;
        var composite = structId;
        var bits = 0L;
        var memberType = 0u;
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0 && !TryGetComposite(memberType, out composite))
            {
                error = $"{structName}.{string.Join('.', segments[..i])} is {Describe(memberType)}, not a struct or union: it has no member {segments[i]}";
                return false;
            }

            var shown = $"{structName}.{string.Join('.', segments[..(i + 1)])}";
            if (!TryFindMember(composite, Encoding.UTF8.GetBytes(segments[i]), bits, 0, out bits, out memberType, out var problem))
            {
                error = i == 0 ? $"struct {structName} has no member {segments[0]}" : $"{shown} is not there: no member {segments[i]}";
                return false;
            }

            if (problem is not null)
            {
                error = $"{shown} {problem}";
                return false;
            }
        }

        var path = $"{structName}.{string.Join('.', segments)}";
        if (!TryGetSize(memberType, 0, out var size, out var sizeProblem))
        {
            error = $"{path} {sizeProblem}";
            return false;
        }

        if (bits / 8 > int.MaxValue)
        {
            error = $"{path} is at bit {bits}, past any struct's size";
            return false;
        }

        member = new BtfMember((int)(bits / 8), size);
        error = null;
        return true;
    }

    /// <summary>
    /// Looks for the member named <paramref name="name"/> in the struct or union <paramref name="compositeId"/>, then in
    /// its anonymous struct and union members, depth first in declaration order (C forbids the same name twice).
    /// True when found; <paramref name="problem"/> then says why it cannot be read at a byte offset, if it cannot.
    /// </summary>
    private bool TryFindMember(uint compositeId, ReadOnlySpan<byte> name, long baseBits, int depth, out long bits, out uint typeId, out string? problem)
    {
        bits = 0;
        typeId = 0;
        problem = null;
        if (depth > MaxDepth || !TryGetType(compositeId, out var composite))
        {
            problem = $"cannot be looked for: anonymous members nest more than {MaxDepth} deep (a cycle in the BTF?)";
            return true;
        }

        for (var i = 0; i < composite.Vlen; i++)
        {
            var position = composite.DataPosition + (i * 12);
            var memberName = NameOf(ReadUInt32(position));
            var memberType = ReadUInt32(position + 4);
            var offset = ReadUInt32(position + 8);
            var bitOffset = composite.KindFlag ? offset & 0xffffff : offset;
            var bitfieldSize = composite.KindFlag ? offset >> 24 : 0;
            if (memberName.SequenceEqual(name))
            {
                bits = baseBits + bitOffset;
                typeId = memberType;
                if (bitfieldSize != 0 || bitOffset % 8 != 0 || (!composite.KindFlag && IsIntBitfield(memberType, out bitfieldSize)))
                {
                    problem = $"is a bitfield ({(bitfieldSize != 0 ? bitfieldSize + " bits" : "bits")} at bit {bits}): it has no byte offset to read it at";
                }

                return true;
            }

            if (memberName.IsEmpty && TryGetComposite(memberType, out var inner)
                && TryFindMember(inner, name, baseBits + bitOffset, depth + 1, out bits, out typeId, out problem))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Without kind_flag, a bitfield member's bit count and offset are its INT type's (<c>BTF_INT_BITS</c>,
    /// <c>BTF_INT_OFFSET</c>): a bitfield is an INT whose bits do not fill its size exactly.
    /// </summary>
    private bool IsIntBitfield(uint typeId, out uint bitCount)
    {
        bitCount = 0;
        if (!TryResolve(typeId, out _, out var type) || type.Kind != BtfKind.Int)
        {
            return false;
        }

        var encoding = ReadUInt32(type.DataPosition);
        bitCount = encoding & 0xff;
        return ((encoding >> 16) & 0xff) != 0 || bitCount != type.SizeOrType * 8;
    }
}
