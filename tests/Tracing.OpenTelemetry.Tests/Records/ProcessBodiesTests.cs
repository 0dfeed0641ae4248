using System.Text;
using Tracing.Events;
using Tracing.OpenTelemetry.Records;

namespace Tracing.OpenTelemetry.Tests.Records;

public sealed class ProcessBodiesTests
{
    private static readonly byte[] s_argv = [.. "git\0commit\0-m\0fix the bug\0"u8, 0xFF, (byte)'x', 0x1B, 0];

    [Fact]
    public void With_argv_the_body_is_the_command_line_with_each_word_quoted_and_nothing_raw()
    {
        var exec = new ExecEvent { Pid = 7, Arguments = ProcessArguments.FromNulSeparated(s_argv), ExecutablePath = "/usr/bin/git" };

        var body = ProcessBodies.Exec(exec, includeArgs: true);

        // A word with a space stays one word; an invalid byte and an escape character are spelled, never sent raw.
        Assert.Equal("git commit -m 'fix the bug' $'\\xFFx\\E'", body);
        Assert.DoesNotContain('\u001b', body);
    }

    [Fact]
    public void Without_argv_the_body_is_the_executable_else_the_command_name()
    {
        var exec = new ExecEvent { Pid = 7, Arguments = ProcessArguments.FromNulSeparated(s_argv), ExecutablePath = "/usr/bin/git", CommandName = "git" };

        Assert.Equal("/usr/bin/git", ProcessBodies.Exec(exec, includeArgs: false));
        Assert.Equal("git", ProcessBodies.Exec(exec with { ExecutablePath = null }, includeArgs: false));
        Assert.DoesNotContain("commit", ProcessBodies.Exec(exec, includeArgs: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, false, "make exited with 0")]
    [InlineData(2, null, false, "make exited with 2")]
    [InlineData(null, 9, false, "make killed by SIGKILL")]
    [InlineData(null, 11, true, "make killed by SIGSEGV (core dumped)")]
    [InlineData(null, null, false, "make ended")]
    public void An_exit_says_how_it_ended(int? code, int? signal, bool core, string expected) =>
        Assert.Equal(expected, ProcessBodies.Exit(new ExitEvent { Pid = 7, CommandName = "make", ExitCode = code, Signal = signal, CoreDumped = core }));
}
