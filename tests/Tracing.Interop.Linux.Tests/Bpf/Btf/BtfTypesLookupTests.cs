using Tracing.Linux.Bpf.Btf;

namespace Tracing.Linux.Tests.Bpf.Btf;

/// <summary>Members found by name: nested paths, anonymous members, typedef chains, FWDs, bitfields, sizes.</summary>
public class BtfTypesLookupTests
{
    private static BtfMember Member(BtfTypes types, string structName, string path)
    {
        Assert.True(types.TryGetMember(structName, path, out var member, out var error), error);
        return member;
    }

    private static string Refusal(BtfTypes types, string structName, string path)
    {
        Assert.False(types.TryGetMember(structName, path, out var member, out var error));
        Assert.Equal(default, member);
        return error;
    }

    [Fact]
    public void A_dotted_path_goes_through_a_typedef_to_a_struct_member()
    {
        // struct cred { int usage; kuid_t uid; kuid_t euid; } with typedef struct { uid_t val; } kuid_t.
        var b = new BtfBuilder();
        var uint32 = b.Int("unsigned int", 4, encoding: 0);
        var uidT = b.Typedef("uid_t", b.Typedef("__kernel_uid32_t", uint32));
        var kuidT = b.Typedef("kuid_t", b.Struct(null, 4, ("val", uidT, 0)));
        b.Struct("cred", 12, ("usage", b.Int("int", 4), 0), ("uid", kuidT, 32), ("euid", kuidT, 64));
        var types = b.Parse();

        Assert.Equal(new BtfMember(4, 4), Member(types, "cred", "uid.val"));
        Assert.Equal(new BtfMember(8, 4), Member(types, "cred", "euid.val"));
        Assert.Equal(new BtfMember(8, 4), Member(types, "cred", "euid"));
        Assert.Contains("cred.uid.nope is not there: no member nope", Refusal(types, "cred", "uid.nope"), StringComparison.Ordinal);
        Assert.Contains("cred.usage is INT int, not a struct or union: it has no member val", Refusal(types, "cred", "usage.val"), StringComparison.Ordinal);
        Assert.Contains("empty name", Refusal(types, "cred", "uid..val"), StringComparison.Ordinal);
    }

    [Fact]
    public void Members_of_anonymous_members_are_found_with_their_offsets_summed()
    {
        // struct mm_struct { struct { int a; union { long b; struct { int c; int d; }; }; unsigned long arg_start; }; int tail; }
        var b = new BtfBuilder();
        var @int = b.Int("int", 4);
        var @long = b.Int("long int", 8);
        var unsignedLong = b.Int("long unsigned int", 8, encoding: 0);
        var pair = b.Struct(null, 8, ("c", @int, 0), ("d", @int, 32));
        var either = b.Union(null, 8, ("b", @long, 0), (null, pair, 0));
        var inner = b.Struct(null, 32, ("a", @int, 0), (null, b.Const(either), 64), ("arg_start", unsignedLong, 128), ("arg_end", unsignedLong, 192));
        b.Struct("mm_struct", 40, (null, inner, 0), ("tail", @int, 256));
        var types = b.Parse();

        Assert.Equal(new BtfMember(0, 4), Member(types, "mm_struct", "a"));
        Assert.Equal(new BtfMember(8, 8), Member(types, "mm_struct", "b"));
        Assert.Equal(new BtfMember(12, 4), Member(types, "mm_struct", "d"));
        Assert.Equal(new BtfMember(16, 8), Member(types, "mm_struct", "arg_start"));
        Assert.Equal(new BtfMember(24, 8), Member(types, "mm_struct", "arg_end"));
        Assert.Equal(new BtfMember(32, 4), Member(types, "mm_struct", "tail"));
        Assert.Equal("struct mm_struct has no member nope", Refusal(types, "mm_struct", "nope"));
    }

    [Fact]
    public void A_member_in_an_anonymous_member_at_an_offset_adds_it_to_its_own()
    {
        var b = new BtfBuilder();
        var @int = b.Int("int", 4);
        var inner = b.Struct(null, 8, ("x", @int, 0), ("y", @int, 32));
        b.Struct("outer", 24, ("head", @int, 0), (null, inner, 64), ("named", inner, 128));
        var types = b.Parse();

        Assert.Equal(new BtfMember(12, 4), Member(types, "outer", "y"));
        Assert.Equal(new BtfMember(20, 4), Member(types, "outer", "named.y"));
        Assert.Equal(new BtfMember(16, 8), Member(types, "outer", "named"));
    }

    [Fact]
    public void Sizes_resolve_through_typedefs_qualifiers_and_type_tags()
    {
        var b = new BtfBuilder();
        var @long = b.Int("long int", 8);
        var @char = b.Int("char", 1, encoding: 2);
        var pidT = b.Typedef("pid_t", b.Typedef("__kernel_pid_t", b.Int("int", 4)));
        var parent = b.Ptr(b.TypeTag("rcu", b.Fwd("task_struct")));
        var comm = b.Array(@char, @long, 16);
        var chain = b.Volatile(b.Const(b.Restrict(b.Typedef("name_t", comm))));
        var both = b.Enum64("big", 8, ("ONE", 1));
        b.Struct("task_struct", 64, ("pid", b.Const(pidT), 0), ("real_parent", b.Volatile(parent), 64), ("comm", chain, 128), ("e", both, 256), ("f", b.Float("double", 8), 320));
        var types = b.Parse();

        Assert.Equal(8, types.PointerSize);
        Assert.Equal(new BtfMember(0, 4), Member(types, "task_struct", "pid"));
        Assert.Equal(new BtfMember(8, 8), Member(types, "task_struct", "real_parent"));
        Assert.Equal(new BtfMember(16, 16), Member(types, "task_struct", "comm"));
        Assert.Equal(new BtfMember(32, 8), Member(types, "task_struct", "e"));
        Assert.Equal(new BtfMember(40, 8), Member(types, "task_struct", "f"));
    }

    [Fact]
    public void A_32_bit_btf_has_4_byte_pointers()
    {
        var b = new BtfBuilder();
        var @long = b.Int("long int", 4);
        b.Struct("s", 8, ("p", b.Ptr(@long), 0), ("q", b.Ptr(0), 32));
        var types = b.Parse();

        Assert.Equal(4, types.PointerSize);
        Assert.Equal(new BtfMember(4, 4), Member(types, "s", "q"));
    }

    [Fact]
    public void A_struct_is_found_by_its_definition_not_a_forward_declaration_of_its_name()
    {
        var b = new BtfBuilder();
        var @int = b.Int("int", 4);
        b.Fwd("linux_binprm");
        b.Struct("s", 8, ("argc", @int, 32));
        b.Struct("linux_binprm", 16, ("p", @int, 0), ("argc", @int, 96));
        b.Fwd("linux_binprm");
        var types = b.Parse();

        Assert.Equal(new BtfMember(12, 4), Member(types, "linux_binprm", "argc"));
        Assert.True(types.TryGetStructSize("linux_binprm", out var size, out var error), error);
        Assert.Equal(16, size);
    }

    [Fact]
    public void A_struct_only_declared_or_absent_is_refused_by_name()
    {
        var b = new BtfBuilder();
        b.Fwd("file");
        b.Struct("holder", 8, ("f", b.Fwd("dentry"), 0));
        var types = b.Parse();

        Assert.Equal("struct file is only declared (a FWD) in this BTF, never defined", Refusal(types, "file", "f_mode"));
        Assert.Equal("this BTF has no struct or union named inode", Refusal(types, "inode", "i_mode"));
        Assert.False(types.TryGetStructSize("file", out _, out var error));
        Assert.Contains("only declared", error, StringComparison.Ordinal);
        Assert.Contains("holder.f is of an incomplete type (only declared, a FWD)", Refusal(types, "holder", "f"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bitfields_are_refused_not_given_a_wrong_offset()
    {
        var b = new BtfBuilder();
        var uint32 = b.Int("unsigned int", 4, encoding: 0);
        b.StructWithBitfields("linux_binprm", 16, ("p", uint32, 0, 0), ("have_execfd", uint32, 32, 1), ("secureexec", uint32, 34, 1), ("argc", uint32, 64, 0));
        b.Struct("packed", 8, ("odd", b.Int("char", 1), 12), ("argc", uint32, 32));
        b.Struct("legacy", 8, ("bits", b.Int("unsigned int", 4, bits: 3, bitOffset: 5, encoding: 0), 0), ("argc", uint32, 32));
        var types = b.Parse();

        Assert.Equal(new BtfMember(8, 4), Member(types, "linux_binprm", "argc"));
        Assert.Equal(new BtfMember(0, 4), Member(types, "linux_binprm", "p"));
        Assert.Equal("linux_binprm.have_execfd is a bitfield (1 bits at bit 32): it has no byte offset to read it at", Refusal(types, "linux_binprm", "have_execfd"));
        Assert.Contains("is a bitfield", Refusal(types, "linux_binprm", "secureexec"), StringComparison.Ordinal);
        Assert.Contains("packed.odd is a bitfield", Refusal(types, "packed", "odd"), StringComparison.Ordinal);
        Assert.Contains("legacy.bits is a bitfield (3 bits", Refusal(types, "legacy", "bits"), StringComparison.Ordinal);
        Assert.Equal(new BtfMember(4, 4), Member(types, "legacy", "argc"));
    }

    [Fact]
    public void Structs_of_one_name_must_agree()
    {
        var b = new BtfBuilder();
        var @int = b.Int("int", 4);
        b.Struct("twice", 8, ("a", @int, 0), ("b", @int, 32));
        b.Struct("twice", 8, ("a", @int, 0), ("b", b.Int("short", 2), 32));
        var types = b.Parse();

        Assert.Equal(new BtfMember(0, 4), Member(types, "twice", "a"));
        Assert.Contains("2 structs are named twice and they disagree on b", Refusal(types, "twice", "b"), StringComparison.Ordinal);
        Assert.True(types.TryGetStructSize("twice", out var size, out _));
        Assert.Equal(8, size);
    }

    [Fact]
    public void Broken_type_references_and_cycles_are_refused_not_thrown()
    {
        var b = new BtfBuilder();
        var @int = b.Int("int", 4);
        var loop = b.Typedef("loop", 3); // 2 → 3 → 2 ...
        b.Typedef("pool", loop);
        b.Struct("broken", 16, ("missing", 999, 0), ("cycle", loop, 32), ("void", 0, 64), ("fn", b.FuncProto(@int), 96));
        var self = b.Struct("self", 8, (null, 6, 0));
        Assert.Equal(6u, self);
        var types = b.Parse();

        Assert.Contains("id 999", Refusal(types, "broken", "missing"), StringComparison.Ordinal);
        Assert.Contains("cycle", Refusal(types, "broken", "cycle"), StringComparison.Ordinal);
        Assert.Contains("is void", Refusal(types, "broken", "void"), StringComparison.Ordinal);
        Assert.Contains("FUNC_PROTO, which has no size", Refusal(types, "broken", "fn"), StringComparison.Ordinal);
        Assert.Contains("more than 32 deep", Refusal(types, "self", "x"), StringComparison.Ordinal);
    }
}
