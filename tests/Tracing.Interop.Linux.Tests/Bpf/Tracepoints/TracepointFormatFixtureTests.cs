using System.Text.Json;
using CsCheck;
using Tracing.Linux.Bpf.Tracepoints;
using Tracing.Tests.Fixtures;
using Tracing.Tests.Fuzzing;

namespace Tracing.Linux.Tests.Bpf.Tracepoints;

/// <summary>
/// Every tracepoint format file recorded in <c>tests/fixtures/tracepoints</c>, decoded and compared with its
/// <c>.expected.json</c> (written by <c>tests/fixtures/tools/capture_tracepoint_formats.py</c>, a parser of its own).
/// </summary>
public class TracepointFormatFixtureTests
{
    private static readonly string s_folder = Path.Combine(TestFixtures.Directory, "tracepoints");

    public static TheoryData<string> Formats() => [.. Directory.GetFiles(s_folder, "*.format").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void The_fixture_folder_holds_formats_each_with_its_expectation()
    {
        var formats = Directory.GetFiles(s_folder, "*.format");
        Assert.NotEmpty(formats);
        Assert.All(formats, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".expected.json")), $"{f} has no expectation"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_recorded_format_decodes_to_its_expectation(string file)
    {
        var path = Path.Combine(s_folder, file);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")));
        var root = expected.RootElement;

        Assert.True(TracepointFormat.TryParse(File.ReadAllText(path), out var format));

        Assert.Equal(root.GetProperty("name").GetString(), format.Name);
        Assert.Equal(root.GetProperty("id").GetInt32(), format.Id);
        var fields = root.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(fields.Count, format.Fields.Count);
        foreach (var (want, got) in fields.Zip(format.Fields))
        {
            Assert.Equal(
                (want.GetProperty("name").GetString(), want.GetProperty("declaration").GetString(), want.GetProperty("offset").GetInt32(),
                 want.GetProperty("size").GetInt32(), want.GetProperty("signed").GetBoolean(), want.GetProperty("data_loc").GetBoolean()),
                (got.Name, got.Declaration, got.Offset, got.Size, got.Signed, got.IsDataLocation));
            Assert.Same(got, format.Field(got.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_recorded_format_cut_short_or_mutated_never_throws(string file)
    {
        var text = File.ReadAllText(Path.Combine(s_folder, file));
        var input = Gen.Select(Gen.Int[0, text.Length], Gen.Int[0, text.Length - 1], Gen.Char['\0', '\u007f'], Gen.Bool,
            (cut, at, value, replace) => replace ? string.Concat(text.AsSpan(0, at), value.ToString(), text.AsSpan(at + 1)) : text[..cut]);
        FuzzCheck.Run(input, mutated =>
        {
            if (TracepointFormat.TryParse(mutated, out var format))
            {
                Assert.False(string.IsNullOrEmpty(format.Name));
                Assert.All(format.Fields, f => Assert.True(f.Offset >= 0 && f.Size >= 0 && f.Name.Length > 0));
            }
        }, "0000001dfSF8", 5_000, s => s);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name: x\n")]
    [InlineData("ID: 5\n")]
    [InlineData("name: x\nID: five\n")]
    [InlineData("name: x\nID: 5\nformat:\n\tfield:int pid;\toffset:x;\tsize:4;\tsigned:1;\n")]
    [InlineData("name: x\nID: 5\nformat:\n\tfield:int pid;\toffset:4;\tsize:4;\tsigned:2;\n")]
    [InlineData("name: x\nID: 5\nformat:\n\tfield:;\toffset:4;\tsize:4;\tsigned:1;\n")]
    public void Not_a_format_is_refused(string text) => Assert.False(TracepointFormat.TryParse(text, out _));
}
