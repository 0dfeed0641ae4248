using System.Diagnostics;
using Tracing.Kernel.Tests.Cli;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>What --otlp refuses before tracing anything: exit code 2 and a message that says why.</summary>
public sealed class ExectraceOtlpUsageTests
{
    [Theory]
    [InlineData("not a collector's URL", "--otlp", "notaurl", "--", "/bin/true")]
    [InlineData("--otlp-args is for --otlp", "--otlp-args", "--", "/bin/true")]
    [InlineData("ftp://collector:4317", "--otlp", "ftp://collector:4317", "--", "/bin/true")]
    public async Task A_bad_otlp_command_line_is_a_usage_error(string message, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunAsync(null, arguments);

        Assert.True(exitCode == 2, $"exit code {exitCode}; stderr: {errors}");
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    public async Task An_unusable_OTEL_variable_is_a_usage_error_that_names_it(string name, string value)
    {
        var (exitCode, output, errors) = await RunAsync((name, value), "--otlp", "--", "/bin/true");

        Assert.True(exitCode == 2, $"exit code {exitCode}; stderr: {errors}");
        Assert.Contains(name, errors, StringComparison.Ordinal);
        Assert.Contains(value, errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Quiet_prints_no_event_the_commands_output_and_exit_code_are_its_own_and_losses_are_still_said()
    {
        // Port 1 on the loopback: nothing listens, so every record and span is lost, and said so.
        var (exitCode, output, errors) = await RunAsync(null, "--otlp", "http://127.0.0.1:1", "-q", "--", "/bin/sh", "-c", "echo only-this; exit 5");

        Assert.True(exitCode == 5, $"exit code {exitCode}; stderr: {errors}");
        Assert.Equal("only-this\n", output);
        Assert.Contains("OTLP export to http://127.0.0.1:1/ lost", errors, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync((string Name, string Value)? variable, params string[] arguments)
    {
        var info = ExectraceProcess.StartInfo(arguments);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        if (variable is { } pair)
        {
            info.Environment[pair.Name] = pair.Value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExectraceSession.Bound);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
