using System.Buffers.Binary;
using Tracing.Linux.Bpf.Btf;

namespace Tracing.Linux.Tests.Bpf.Btf;

/// <summary>
/// The type section is stepped over kind by kind: a kind's data read one u32 short or long would misplace every type
/// after it, so each test puts a struct after the kind under test and reads that struct's members.
/// </summary>
public class BtfTypesParseTests
{
    /// <summary>Each kind with vlen 2 where it has a vlen, so a wrong per-entry size shows.</summary>
    public static TheoryData<string> Kinds() => [.. s_kinds.Keys];

    private static readonly Dictionary<string, Func<BtfBuilder, uint, uint>> s_kinds = new()
    {
        ["INT"] = (b, _) => b.Int("unsigned char", 1, encoding: 0),
        ["PTR"] = (b, i) => b.Ptr(i),
        ["ARRAY"] = (b, i) => b.Array(i, i, 16),
        ["STRUCT"] = (b, i) => b.Struct("pair", 8, ("a", i, 0), ("b", i, 32)),
        ["UNION"] = (b, i) => b.Union("either", 4, ("a", i, 0), ("b", i, 0)),
        ["ENUM"] = (b, _) => b.Enum("colour", 4, ("RED", 0), ("GREEN", 1)),
        ["FWD"] = (b, _) => b.Fwd("later"),
        ["TYPEDEF"] = (b, i) => b.Typedef("s32", i),
        ["VOLATILE"] = (b, i) => b.Volatile(i),
        ["CONST"] = (b, i) => b.Const(i),
        ["RESTRICT"] = (b, i) => b.Restrict(b.Ptr(i)),
        ["FUNC"] = (b, i) => b.Func("main", b.FuncProto(i)),
        ["FUNC_PROTO"] = (b, i) => b.FuncProto(i, ("argc", i), ("argv", i)),
        ["VAR"] = (b, i) => b.Var("counter", i),
        ["DATASEC"] = (b, i) => b.Datasec(".data", 8, (i, 0, 4), (i, 4, 4)),
        ["FLOAT"] = (b, _) => b.Float("double", 8),
        ["DECL_TAG"] = (b, i) => b.DeclTag("tag", b.Struct("tagged", 4, ("x", i, 0)), 0),
        ["TYPE_TAG"] = (b, i) => b.Ptr(b.TypeTag("user", i)),
        ["ENUM64"] = (b, _) => b.Enum64("wide", 8, ("LOW", 1), ("HIGH", 1L << 40)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_is_stepped_over_by_its_own_length(string kind)
    {
        var builder = new BtfBuilder();
        var @int = builder.Int("int", 4);
        var added = s_kinds[kind](builder, @int);
        builder.Struct("after", 12, ("x", @int, 0), ("y", @int, 64));

        var types = builder.Parse();

        Assert.Equal((int)added + 1, types.TypeCount);
        Assert.True(types.TryGetMember("after", "y", out var member, out var error), error);
        Assert.Equal(new BtfMember(8, 4), member);
    }

    [Fact]
    public void Every_kind_in_one_blob_is_stepped_over()
    {
        var builder = new BtfBuilder();
        var @int = builder.Int("int", 4);
        foreach (var add in s_kinds.Values)
        {
            add(builder, @int);
        }

        var last = builder.Struct("after", 8, ("x", @int, 32));

        var types = builder.Parse();

        Assert.Equal((int)last, types.TypeCount);
        Assert.True(types.TryGetMember("after", "x", out var member, out var error), error);
        Assert.Equal(new BtfMember(4, 4), member);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(31)]
    public void A_kind_this_reader_does_not_know_is_a_clear_error(int kind)
    {
        var builder = new BtfBuilder();
        builder.Int("int", 4);
        builder.Raw(kind, 0, 0);

        Assert.False(BtfTypes.TryParse(builder.Build(), out var types, out var error));
        Assert.Null(types);
        Assert.Contains($"type 2 (byte 16 of the type section) is of kind {kind}, which this reader does not know", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_section_cut_anywhere_is_refused_unless_cut_between_types()
    {
        var builder = new BtfBuilder();
        var @int = builder.Int("int", 4);
        foreach (var add in s_kinds.Values)
        {
            add(builder, @int);
        }

        var blob = builder.Build();
        var typeLength = BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(12));
        var whole = builder.Parse().TypeCount;
        var boundaries = 0;
        for (var length = 0u; length < typeLength; length++)
        {
            var cut = (byte[])blob.Clone();
            BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(12), length);

            if (BtfTypes.TryParse(cut, out var types, out var error))
            {
                Assert.InRange(types.TypeCount, 0, whole - 1);
                boundaries++;
            }
            else
            {
                Assert.Contains("is cut short", error, StringComparison.Ordinal);
            }
        }

        Assert.Equal(whole, boundaries);
    }

    [Fact]
    public void A_blob_cut_at_every_length_never_throws()
    {
        var builder = new BtfBuilder();
        var @int = builder.Int("int", 4);
        foreach (var add in s_kinds.Values)
        {
            add(builder, @int);
        }

        var blob = builder.Build();
        for (var length = 0; length < blob.Length; length++)
        {
            Assert.False(BtfTypes.TryParse(blob.AsSpan(0, length), out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }
    }
}
