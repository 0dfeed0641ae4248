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
