namespace Tracing.Kernel.Tests.Bpf;

/// <summary>A member line of a STRUCT or UNION in bpftool's raw dump: <c>'name' type_id=N bits_offset=N [bitfield_size=N]</c>.</summary>
/// <param name="Name">The member's name; for a member of an anonymous member, the path bpftool's lines lead to it by.</param>
/// <param name="TypeId">Its type's id.</param>
/// <param name="BitsOffset">Its offset in bits, from the outermost struct once anonymous members are flattened.</param>
/// <param name="BitfieldSize">Its bitfield size, 0 when it is not a bitfield.</param>
internal sealed record BpftoolMember(string Name, int TypeId, long BitsOffset, int BitfieldSize)
{
    public bool IsBitfield => BitfieldSize != 0 || BitsOffset % 8 != 0;
}
