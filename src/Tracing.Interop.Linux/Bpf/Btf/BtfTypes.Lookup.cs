using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Tracing.Linux.Bpf.Btf;

internal sealed partial class BtfTypes
{
    /// <summary>
    /// The size of the struct (or union) named <paramref name="name"/>. A FWD of that name is a declaration, not the
    /// struct: it is passed over. Several structs of that name (dedup keeps those that differ) must agree on the size.
    /// </summary>
    public bool TryGetStructSize(string name, out int size, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        size = 0;
        if (!TryFindStructs(name, out var ids, out error))
        {
            return false;
        }

        var sizes = ids.Select(id => TryGetType(id, out var type) ? type.SizeOrType : 0).Distinct().ToList();
        if (sizes.Count > 1)
        {
            error = $"{ids.Count} structs are named {name}, of sizes {string.Join(", ", sizes)}: which one the kernel means cannot be told";
            return false;
        }

        if (sizes[0] > int.MaxValue)
        {
            error = $"struct {name} has a size past 2 GiB ({sizes[0]} bytes)";
            return false;
        }

        size = (int)sizes[0];
        return true;
    }

    /// <summary>
    /// Where the member <paramref name="memberPath"/> of struct <paramref name="structName"/> is and how big its type is.
    /// The path is dotted for members of members (<c>uid.val</c>); members of anonymous struct or union members are found
    /// as if they were the struct's own, their offsets summed. False, with the reason, when the struct or a member is not
    /// there, when a member along the path is not a struct or union, when the member is a bitfield (it has no byte offset),
    /// or when its type has no size. Several structs of that name must all agree.
    /// </summary>
    public bool TryGetMember(string structName, string memberPath, out BtfMember member, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(structName);
        ArgumentNullException.ThrowIfNull(memberPath);
        member = default;
        if (!TryFindStructs(structName, out var ids, out error))
        {
            return false;
        }

        var segments = memberPath.Split('.');
        if (Array.Exists(segments, s => s.Length == 0))
        {
            error = $"'{memberPath}' is not a member path: it has an empty name";
            return false;
        }

        var found = TryResolvePath(ids[0], structName, segments, out member, out error);
        for (var i = 1; i < ids.Count; i++)
        {
            if (TryResolvePath(ids[i], structName, segments, out var other, out var otherError) != found || other != member)
            {
                error = $"{ids.Count} structs are named {structName} and they disagree on {memberPath}: which one the kernel means cannot be told"
                    + (found ? $" ({otherError ?? other.ToString()} against {member})" : $" ({error})");
                member = default;
                return false;
            }
        }

        return found;
    }

    /// <summary>
    /// The ids of every STRUCT or UNION named <paramref name="name"/> (FWDs left out), in id order. Each name's search
    /// (a pass over every type, about a millisecond on vmlinux) is kept: a layout asks for the same structs many times.
    /// </summary>
    private bool TryFindStructs(string name, [NotNullWhen(true)] out List<uint>? ids, [NotNullWhen(false)] out string? error)
    {
        lock (_structsByName)
        {
            if (!_structsByName.TryGetValue(name, out var found))
            {
                found = (Search(name, out var notFound), notFound);
                _structsByName.Add(name, found);
            }

            (ids, error) = found;
            return ids is not null;
        }
    }

    private List<uint>? Search(string name, out string? error)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        List<uint>? ids = null;
        var declared = false;
        for (var id = 1u; id <= (uint)TypeCount; id++)
        {
            var type = Read(_data, _positions[id]);
            if (type.Kind is BtfKind.Struct or BtfKind.Union or BtfKind.Fwd && NameOf(type.NameOffset).SequenceEqual(utf8))
            {
                if (type.Kind == BtfKind.Fwd)
                {
                    declared = true;
                }
                else
                {
                    (ids ??= []).Add(id);
                }
            }
        }

        error = ids is not null ? null
            : declared ? $"struct {name} is only declared (a FWD) in this BTF, never defined"
            : $"this BTF has no struct or union named {name}";
        return ids;
    }
}
