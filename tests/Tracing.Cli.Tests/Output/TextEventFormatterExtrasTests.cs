using System.Text;
using Tracing.Cli.Output;
using Tracing.Text;
using Tracing.Events;

namespace Tracing.Cli.Tests.Output;

/// <summary>The text line's opt-in parts: the tree's indentation, the executable (-l), the environment (-e).</summary>
public class TextEventFormatterExtrasTests
{
    private static ExecEvent Echo => new()
    {
        Pid = 12345,
        ParentPid = 12000,
        ExecutablePath = "/usr/bin/echo",
        Arguments = ProcessArguments.FromStrings(["echo", "hi there"]),
        ArgvSource = ArgvSource.Complete,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void The_tree_indents_the_pid_two_spaces_a_level(int depth)
    {
        var line = FormatAfterTime(new(false, false, new LocalTimeOfDay(), indentByDepth: true), Echo with { Depth = depth });

        Assert.Equal(new string(' ', 2 * depth) + "12345 ppid=12000 echo 'hi there'", line);
    }

    [Fact]
    public void An_unknown_depth_is_not_indented_and_without_the_tree_no_depth_is()
    {
        Assert.Equal("12345 ppid=12000 echo 'hi there'", FormatAfterTime(new(false, false, new LocalTimeOfDay(), indentByDepth: true), Echo));
        Assert.Equal("12345 ppid=12000 echo 'hi there'", FormatAfterTime(new(false, false), Echo with { Depth = 2 }));
    }

    [Fact]
    public void The_executable_stands_in_place_of_argv0()
    {
        Assert.Equal("12345 ppid=12000 /usr/bin/echo 'hi there'", FormatAfterTime(new(false, false, new LocalTimeOfDay(), showExecutable: true), Echo));
    }

    [Fact]
    public void An_executable_not_read_is_a_bare_question_mark_that_no_argument_quotes_to()
    {
        var line = FormatAfterTime(new(false, false, new LocalTimeOfDay(), showExecutable: true), Echo with { ExecutablePath = null });

        Assert.Equal("12345 ppid=12000 ? 'hi there'", line);
        Assert.Equal("'?'", ShellQuoting.Quote("?"));
    }

    [Fact]
    public void Without_argv_the_command_name_it_fell_back_to_stays()
    {
        var exec = Echo with { Arguments = ProcessArguments.FromStrings(["echo"]), ArgvSource = ArgvSource.CommandName, ExecutablePath = null };

        Assert.Equal(
            "12345 ppid=12000 [argv unavailable: process ended] echo",
            FormatAfterTime(new(false, false, new LocalTimeOfDay(), showExecutable: true), exec));
    }

    [Fact]
    public void An_executable_that_is_not_UTF8_is_quoted_from_its_bytes()
    {
        var exec = Echo with { ExecutablePath = "/opt/\uFFFD", ExecutablePathBytes = new byte[] { (byte)'/', (byte)'o', (byte)'p', (byte)'t', (byte)'/', 0xff } };

        Assert.Equal("12345 ppid=12000 $'/opt/\\xFF' 'hi there'", FormatAfterTime(new(false, false, new LocalTimeOfDay(), showExecutable: true), exec));
    }

    [Fact]
    public void The_environment_follows_argv_after_a_bare_env_marker_each_entry_quoted()
    {
        byte[] environ = [.. "HOME=/root\0"u8, .. "PS1=$ \0"u8, .. "T=\u001b[31m\0"u8, .. "R="u8, 0xff, 0];
        var exec = Echo with { Environment = ProcessArguments.FromNulSeparated(environ) };

        var line = FormatAfterTime(new(false, false, new LocalTimeOfDay(), showEnvironment: true), exec);

        Assert.Equal("12345 ppid=12000 echo 'hi there' [env] HOME=/root 'PS1=$ ' $'T=\\E[31m' $'R=\\xFF'", line);
        Assert.Equal("'[env]'", ShellQuoting.Quote("[env]"));
    }

    [Fact]
    public void An_empty_environment_is_the_marker_alone_and_an_unreadable_one_says_so()
    {
        var formatter = new TextEventFormatter(false, false, new LocalTimeOfDay(), showEnvironment: true);

        Assert.EndsWith("'hi there' [env]", FormatAfterTime(formatter, Echo with { Environment = ProcessArguments.Empty }), StringComparison.Ordinal);
        Assert.EndsWith("'hi there' [env unavailable]", FormatAfterTime(formatter, Echo with { EnvironmentUnavailable = true }), StringComparison.Ordinal);
        Assert.EndsWith("'hi there'", FormatAfterTime(formatter, Echo), StringComparison.Ordinal);
    }

    private static string FormatAfterTime(TextEventFormatter formatter, TraceEvent item)
    {
        var line = new StringBuilder();
        Assert.True(formatter.TryFormat(item, line));
        return line.ToString()["HH:mm:ss.fff ".Length..];
    }
}
