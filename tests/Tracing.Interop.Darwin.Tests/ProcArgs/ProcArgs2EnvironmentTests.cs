using System.Text;
using Tracing.Darwin.ProcArgs;
using Tracing.Events;

namespace Tracing.Darwin.Tests.ProcArgs;

/// <summary>The environment after argv in a KERN_PROCARGS2 answer: given only when the padding says where it ends.</summary>
public class ProcArgs2EnvironmentTests
{
    private static readonly string[] s_apple = ["stack_guard=0x1", "ptr_munge=0x2", "main_stack=0x3"];

    public static TheoryData<string[]> Environments => new()
    {
        { ["PATH=/usr/bin:/bin", "HOME=/Users/dev"] },
        { ["A=1"] },
        { ["AB=1234"] }, // argv and environment end 8-aligned: no padding, so no environment can be given
        { ["TITLE=\u001b]0;x\u0007", "EMPTY=", "LONG=" + new string('x', 5000)] },
        { [] },
    };

    public static TheoryData<string> Files => DarwinFixtures.Entries("procargs2_environment");

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_environment_before_the_padding_is_given_byte_exact_and_no_apple_string_with_it(string[] environment)
    {
        byte[][] entries = [.. environment.Select(Encoding.UTF8.GetBytes)];
        var blob = ProcArgs2Builder.WithAppleStrings("/bin/sh", [.. new[] { "sh", "-c", "x" }.Select(Encoding.UTF8.GetBytes)], entries, s_apple);

        var decoded = ProcArgs2Decoder.TryDecodeEnvironment(blob, out var strings);

        // When argv and the environment happen to end 8-aligned there is no padding to tell them from the apple strings.
        var aligned = new[] { "sh", "-c", "x" }.Concat(environment).Sum(s => Encoding.UTF8.GetByteCount(s) + 1) % 8 == 0;
        Assert.Equal(!aligned, decoded);
        if (decoded)
        {
            Assert.Equal(entries.SelectMany(e => (byte[])[.. e, 0]).ToArray(), strings.ToArray());
        }
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_kept()
    {
        byte[][] entries = [[.. "RAW="u8, 0xff, 0xfe], "B=2"u8.ToArray()];
        var blob = ProcArgs2Builder.WithAppleStrings("/bin/a", ["a"u8.ToArray()], entries, s_apple);

        Assert.True(ProcArgs2Decoder.TryDecodeEnvironment(blob, out var strings));
        var environment = ProcessArguments.FromNulSeparated(strings);
        Assert.Equal(entries, Enumerable.Range(0, environment.Count).Select(i => environment.GetRaw(i).ToArray()));
    }

    [Fact]
    public void An_environment_the_kernel_omitted_is_not_an_empty_one()
    {
        // The answer ends right after argv's last NUL: another user's restricted process.
        var blob = ProcArgs2Builder.Buffer("/bin/sleep", ["sleep", "30"]);

        Assert.True(ProcArgs2Decoder.TryDecode(blob, out _, out _, out _));
        Assert.False(ProcArgs2Decoder.TryDecodeEnvironment(blob, out _));
    }

    [Fact]
    public void Without_argc_strings_there_is_no_telling_the_path_padding_from_the_environment()
    {
        var blob = ProcArgs2Builder.WithAppleStrings("/usr/libexec/thing", [], ["A=1"u8.ToArray()], s_apple);

        Assert.False(ProcArgs2Decoder.TryDecodeEnvironment(blob, out _));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixtures_give_an_environment_only_where_their_bytes_bound_it(string file)
    {
        // expected.json: the strings between argv and the padding, or null where nothing bounds them (omitted, cut
        // short, argc 0, no padding) or the buffer does not decode.
        var expected = DarwinFixtures.Expected["procargs2_environment"]![file]?.AsArray().Select(s => (string)s!).ToArray();
        var decoded = ProcArgs2Decoder.TryDecodeEnvironment(DarwinFixtures.Read(file), out var strings);

        Assert.Equal(expected is not null, decoded);
        if (expected is not null)
        {
            Assert.Equal(expected, ProcessArguments.FromNulSeparated(strings).Strings);
        }
    }
}
