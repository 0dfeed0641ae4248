namespace Tracing.Kernel.Tests.Bpf;

/// <summary>One type of <c>bpftool btf dump ... format raw</c>: <c>[id] KIND 'name' key=value ...</c> and its member lines.</summary>
/// <param name="Id">The type id.</param>
/// <param name="Kind">As bpftool spells it: STRUCT, TYPEDEF, ...</param>
/// <param name="Name">Its name, <c>(anon)</c> for none.</param>
/// <param name="Fields">Its key=value fields (size, type_id, nr_elems, ...).</param>
/// <param name="Members">A STRUCT's or UNION's members, in order.</param>
internal sealed record BpftoolType(int Id, string Kind, string Name, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<BpftoolMember> Members)
{
    public const string Anonymous = "(anon)";

    public long Field(string key) => long.Parse(Fields[key], System.Globalization.CultureInfo.InvariantCulture);

    public bool IsComposite => Kind is "STRUCT" or "UNION";
}
