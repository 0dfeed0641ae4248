using System.Text;
using Tracing.Events;

namespace Tracing.Core.Tests.Events;

public class ProcessArgumentsTests
{
    [Fact]
    public void FromNulSeparated_parses_arguments_with_trailing_NUL()
    {
        var arguments = ProcessArguments.FromNulSeparated("git\0commit\0-m\0x\0"u8);

        Assert.Equal(["git", "commit", "-m", "x"], arguments.Strings);
        Assert.Equal(4, arguments.Count);
    }

    [Fact]
    public void FromNulSeparated_parses_arguments_without_trailing_NUL()
    {
        var arguments = ProcessArguments.FromNulSeparated("git\0commit"u8);

        Assert.Equal(["git", "commit"], arguments.Strings);
        Assert.Equal("git\0commit\0"u8.ToArray(), arguments.RawBytes.ToArray());
    }

    [Fact]
    public void FromNulSeparated_keeps_empty_arguments()
    {
        var arguments = ProcessArguments.FromNulSeparated("echo\0\0b\0\0"u8);

        Assert.Equal(["echo", "", "b", ""], arguments.Strings);
        Assert.True(arguments.GetRaw(1).IsEmpty);
        Assert.True(arguments.GetRaw(3).IsEmpty);
    }

    [Fact]
    public void FromNulSeparated_of_nothing_is_empty()
    {
        var arguments = ProcessArguments.FromNulSeparated([]);

        Assert.Same(ProcessArguments.Empty, arguments);
        Assert.Equal(0, arguments.Count);
        Assert.Empty(arguments.Strings);
        Assert.Equal(string.Empty, arguments.ToString());
    }

    [Fact]
    public void FromNulSeparated_copies_the_buffer()
    {
        var buffer = "ls\0-l\0"u8.ToArray();

        var arguments = ProcessArguments.FromNulSeparated(buffer);
        buffer[0] = (byte)'X';

        Assert.Equal("ls", arguments.Strings[0]);
    }

    [Fact]
    public void Non_UTF8_bytes_are_kept_in_GetRaw_and_flagged()
    {
        byte[] bytes = [(byte)'c', (byte)'a', (byte)'t', 0, (byte)'f', 0xFF, 0xFE, (byte)'x', 0];

        var arguments = ProcessArguments.FromNulSeparated(bytes);

        Assert.False(arguments.IsValidUtf8);
        Assert.Equal(new byte[] { (byte)'f', 0xFF, 0xFE, (byte)'x' }, arguments.GetRaw(1).ToArray());
        Assert.Equal("cat", arguments.Strings[0]);
        Assert.Equal("f\uFFFD\uFFFDx", arguments.Strings[1]);
    }

    [Fact]
    public void Valid_UTF8_is_flagged_valid()
    {
        var arguments = ProcessArguments.FromNulSeparated(Encoding.UTF8.GetBytes("echo\0héllo wörld ✓\0"));

        Assert.True(arguments.IsValidUtf8);
        Assert.Equal("héllo wörld ✓", arguments.Strings[1]);
    }

    [Fact]
    public void FromStrings_round_trips()
    {
        string[] original = ["/usr/bin/env", "a b", "", "ünïcode", "x"];

        var arguments = ProcessArguments.FromStrings(original);
        var reparsed = ProcessArguments.FromNulSeparated(arguments.RawBytes.Span);

        Assert.Equal(original, arguments.Strings);
        Assert.Equal(original, reparsed.Strings);
        Assert.Equal(Encoding.UTF8.GetBytes("ünïcode"), arguments.GetRaw(3).ToArray());
        Assert.Equal("/usr/bin/env a b  ünïcode x", arguments.ToString());
    }

    [Fact]
    public void FromStrings_of_no_strings_is_empty()
    {
        Assert.Same(ProcessArguments.Empty, ProcessArguments.FromStrings([]));
    }
}
