using System.Buffers.Binary;
using Tracing.Linux.Bpf.Btf;

namespace Tracing.Linux.Tests.Bpf.Btf;

/// <summary><c>struct btf_header</c>: what is read, and every way a header is refused.</summary>
public class BtfHeaderTests
{
    private static byte[] Blob()
    {
        var builder = new BtfBuilder();
        builder.Int("int", 4);
        return builder.Build();
    }

    [Fact]
    public void A_header_is_read_little_endian_with_its_sections()
    {
        var blob = Blob();

        Assert.True(BtfHeader.TryRead(blob, out var header, out var error), error);

        Assert.Equal(new BtfHeader(0xEB9F, 1, 0, 24, 0, 16, 16, (uint)(blob.Length - 24 - 16)), header);
        Assert.Equal(24, header.TypeStart);
        Assert.Equal(40, header.StringStart);
    }

    [Fact]
    public void A_longer_header_from_a_newer_writer_moves_the_sections_after_it()
    {
        var blob = Blob();
        var longer = new byte[blob.Length + 8];
        blob.AsSpan(0, 24).CopyTo(longer);
        blob.AsSpan(24).CopyTo(longer.AsSpan(32));
        BinaryPrimitives.WriteUInt32LittleEndian(longer.AsSpan(4), 32);

        Assert.True(BtfTypes.TryParse(longer, out var types, out var error), error);
        Assert.Equal(1, types.TypeCount);
    }

    public static TheoryData<string, int, uint, string> Refusals() => new()
    {
        { "bad magic", 0, 0x1234, "not BTF: the magic is 0x1234" },
        { "big-endian", 0, 0x9FEB, "big-endian" },
        { "version 2", 2, 2, "version 2 is not known" },
        { "header length 8", 4, 8, "the header's length is 8 bytes" },
        { "header length past the blob", 4, 10_000, "the header's length is 10000 bytes" },
        { "type section past the blob", 12, 10_000, "the type section" },
        { "type offset past the blob", 8, uint.MaxValue, "the type section" },
        { "string section past the blob", 20, 10_000, "the string section" },
        { "string offset past the blob", 16, uint.MaxValue, "the string section" },
        { "empty string section", 20, 0, "the string section is empty or does not end with a NUL" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_bad_header_is_refused_with_its_reason(string what, int at, uint value, string expected)
    {
        var blob = Blob();
        if (at is 0 or 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(at), (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(at), value);
        }

        Assert.False(BtfTypes.TryParse(blob, out var types, out var error), what);
        Assert.Null(types);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_section_without_a_final_nul_is_refused()
    {
        var blob = Blob();
        blob[^1] = (byte)'x';

        Assert.False(BtfTypes.TryParse(blob, out _, out var error));
        Assert.Contains("does not end with a NUL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_bytes_than_a_header_are_refused()
    {
        Assert.False(BtfTypes.TryParse(Blob().AsSpan(0, 23), out _, out var error));
        Assert.Contains("shorter than a BTF header", error, StringComparison.Ordinal);
        Assert.False(BtfTypes.TryParse([], out _, out _));
    }
}
