using System.CommandLine;
using Tracing.Cli.Running;

namespace Tracing.Cli.Tests;

public class ExectraceCommandTests
{
    [Fact]
    public async Task Help_ends_with_every_exit_code_and_its_meaning()
    {
        var (exitCode, output, _) = await InvokeAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        var section = output[output.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        var rows = section.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.Equal(ExitCodes.Table.Select(row => $"{row.Code} {row.Meaning}"), rows.Select(r => string.Join(' ', r.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    [Theory]
    [InlineData("-p", "abc")]
    [InlineData("--cgroup")]
    public async Task A_command_line_that_does_not_parse_is_a_usage_error(params string[] args)
    {
        var (exitCode, _, errors) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.NotEqual(string.Empty, errors);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-X")]
    [InlineData("-t", "--bogus", "--", "/bin/true")]
    public async Task An_unknown_option_before_the_separator_is_a_usage_error_never_a_command(params string[] args)
    {
        var (exitCode, _, errors) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith($"exectrace: unknown option '{args.First(a => a is "--bogus" or "-X")}'", errors, StringComparison.Ordinal);
        Assert.Contains("-- COMMAND", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bin/true")]
    [InlineData("-t", "ls", "-t")]
    [InlineData("@/etc/hostname")]
    public async Task A_command_without_the_separator_is_refused_and_told_where_the_separator_goes(params string[] args)
    {
        var (exitCode, _, errors) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("exectrace: put -- before the command to run: exectrace [options] -- ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus\u001b[31m")]
    [InlineData("-p", "1\u001b[31m")]
    [InlineData("ls\u001b[2J")]
    public async Task A_usage_error_quotes_the_word_given_with_its_escapes_as_xNN(params string[] args)
    {
        var (exitCode, _, errors) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("\\x1b[", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(errors.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal), char.IsControl);
    }

    [Theory]
    [InlineData("--tree=yes", "--tree")]
    [InlineData("-e=1", "-e")]
    [InlineData("--exe=/bin/true", "--exe")]
    [InlineData("--tree=yes", "--tree", "--", "/bin/true")]
    public async Task A_value_given_to_a_switch_is_refused_as_such_not_as_a_command(string arg, string option, params string[] rest)
    {
        var (exitCode, _, errors) = await InvokeAsync([arg, .. rest]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith($"exectrace: {option} takes no value; got '{arg}'.", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("99999999999")]
    public async Task A_pid_that_is_not_a_process_id_is_said_in_words(string value)
    {
        var (exitCode, _, errors) = await InvokeAsync("-p", value);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"exectrace: -p needs a process id, a whole number above 0; got '{value}'.\nTry 'exectrace --help'.\n", errors.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--cgroup")]
    [InlineData("-o")]
    [InlineData("-p", "1", "--", "/bin/true")]
    [InlineData("-o", "")]
    [InlineData("--bogus")]
    public async Task Every_usage_error_exits_2_with_messages_that_start_with_exectrace(params string[] args)
    {
        var (exitCode, _, errors) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.NotEmpty(errors);
        Assert.All(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches("^(exectrace: |Try 'exectrace --help'.$)", line));
        Assert.DoesNotContain("System.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_after_the_separator_are_the_commands_even_when_they_look_like_options()
    {
        var (exitCode, _, errors) = await InvokeAsync("-p", "1", "--", "--bogus", "-x");

        // The command reached the scope check: its words were taken as a command, not as options.
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("choose one scope", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_scopes_are_a_usage_error_before_anything_starts()
    {
        var (exitCode, _, errors) = await InvokeAsync("-p", "1", "--", "/bin/true");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("choose one scope", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-f")]
    [InlineData("--follow")]
    [InlineData("-f", "-p", "1")]
    public async Task Follow_without_a_command_is_a_usage_error(params string[] args)
    {
        var (exitCode, _, errors) = await InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("-f follows a command's subtree", errors, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await ExectraceCommand.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = errors });
        return (exitCode, output.ToString(), errors.ToString());
    }
}
