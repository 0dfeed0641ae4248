using System.CommandLine;
using Tracing.Cli.Running;

namespace Tracing.Cli.Tests;

public class ExectraceConditionOptionsTests
{
    [Theory]
    [InlineData("--comm", "git", "--comm", "make")]
    [InlineData("--comm=git", "--comm=make")]
    public void Comm_is_repeatable_and_takes_one_name_each_time(params string[] args)
    {
        var parsed = ExectraceCommand.Create().Parse(args);

        Assert.Empty(parsed.Errors);
        Assert.Equal(["git", "make"], parsed.GetValue<string[]>("--comm")!);
    }

    [Fact]
    public void Uid_is_repeatable_and_takes_numbers_and_names()
    {
        var parsed = ExectraceCommand.Create().Parse(["--uid", "0", "--uid", "builder", "-p", "1"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(["0", "builder"], parsed.GetValue<string[]>("--uid")!);
    }

    [Fact]
    public void Comm_takes_one_word_so_a_second_is_not_mistaken_for_a_name()
    {
        var parsed = ExectraceCommand.Create().Parse(["--comm", "git", "make"]);

        Assert.Equal(["git"], parsed.GetValue<string[]>("--comm")!);
    }

    [Theory]
    [InlineData("--comm", "", "exectrace: --comm needs a command name; got an empty value.")]
    [InlineData("--comm", "kworker/0:1", "exectrace: --comm: The command name 'kworker/0:1' has a '/'")]
    [InlineData("--uid", "-1", "exectrace: --uid: -1 is negative")]
    [InlineData("--uid", "4294967296", "exectrace: --uid: 4294967296 is out of range")]
    [InlineData("--uid", "no-such-user-for-exectrace", "exectrace: --uid: no user 'no-such-user-for-exectrace' in /etc/passwd")]
    public async Task A_condition_that_cannot_work_is_a_usage_error_before_anything_starts(string option, string value, string expected)
    {
        var errors = new StringWriter();

        var exitCode = await ExectraceCommand.InvokeAsync([option, value], new InvocationConfiguration { Output = new StringWriter(), Error = errors });

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith(expected, errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_terminal_escapes_is_named_with_them_escaped()
    {
        var errors = new StringWriter();

        var exitCode = await ExectraceCommand.InvokeAsync(["--uid", "\e]0;owned\a"], new InvocationConfiguration { Output = new StringWriter(), Error = errors });

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("'\\x1b]0;owned\\x07'", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\e', errors.ToString());
    }
}
