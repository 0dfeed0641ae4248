using System.Text;
using Tracing.Cli.Running;

namespace Tracing.Cli.Tests.Running;

public class CommandBytesTests
{
    // What /proc/self/cmdline holds for `dotnet exectrace.dll -o x -- echo a<0xff>b ''`.
    private static readonly byte[] s_cmdline = [.. "dotnet\0exectrace.dll\0-o\0x\0--\0echo\0a"u8, 0xff, .. "b\0\0"u8];

    [Fact]
    public void The_command_is_the_tail_of_the_command_line_byte_for_byte()
    {
        var spec = CommandBytes.Create(["echo", "a\uFFFDb", ""], s_cmdline, environ: null);

        Assert.Equal(["echo", "a\uFFFDb", ""], spec.ArgvBytes!.Select(a => Encoding.UTF8.GetString(a.Span)));
        Assert.Equal(new byte[] { 0x61, 0xff, 0x62 }, spec.ArgvBytes![1].ToArray());
        Assert.Empty(spec.ArgvBytes![2].ToArray());
        Assert.Null(spec.EnvironmentBytes);
    }

    [Fact]
    public void When_the_tail_is_not_the_parsed_command_the_strings_are_passed_as_UTF8()
    {
        var spec = CommandBytes.Create(["echo", "other"], s_cmdline, environ: null);

        Assert.Equal(["echo", "other"], spec.ArgvBytes!.Select(a => Encoding.UTF8.GetString(a.Span)));
    }

    [Fact]
    public void Without_a_readable_cmdline_the_strings_are_passed_as_UTF8()
    {
        var spec = CommandBytes.Create(["echo", "\u00e9"], cmdline: null, environ: null);

        Assert.Equal(new byte[] { 0xc3, 0xa9 }, spec.ArgvBytes![1].ToArray());
    }

    [Fact]
    public void The_environment_entries_are_kept_as_given_names_that_are_not_variables_included()
    {
        byte[] environ = [.. "a-b=1\0V=x"u8, 0xff, .. "\0NOEQUALS\0"u8];

        var spec = CommandBytes.Create(["true"], s_cmdline, environ);

        Assert.Equal(
            [[.. "a-b=1"u8], [.. "V=x"u8, 0xff], [.. "NOEQUALS"u8]],
            spec.EnvironmentBytes!.Select(e => e.ToArray()));
    }
}
