using System.CommandLine;
using Tracing.Cli.Running;

namespace Tracing.Cli.Tests;

/// <summary>--otlp, --otlp-args and --quiet on the command line: what parses, and what is refused before anything starts.</summary>
[Collection(OtlpEnvironment.Name)]
public class ExectraceOtlpOptionsTests
{
    [Theory]
    [InlineData(new[] { "--otlp", "--", "make" }, true, null)]
    [InlineData(new[] { "--otlp", "http://collector:4317", "--", "make" }, true, "http://collector:4317")]
    [InlineData(new[] { "--otlp=http://collector:4318", "-q" }, true, "http://collector:4318")]
    [InlineData(new[] { "-t", "--", "make" }, false, null)]
    public void Otlp_takes_an_endpoint_or_none(string[] args, bool otlp, string? endpoint)
    {
        var parsed = ExectraceCommand.Create().Parse(args);

        Assert.Empty(parsed.Errors);
        Assert.Equal(otlp, parsed.GetResult(parsed.RootCommandResult.Command.Options.Single(o => o.Name == "--otlp")) is not null);
        Assert.Equal(endpoint, parsed.GetValue<string?>("--otlp"));
    }

    [Theory]
    [InlineData(new[] { "--otlp", "make" }, "exectrace: --otlp: 'make' is not a collector's URL")]
    [InlineData(new[] { "--otlp", "ftp://collector:4317" }, "exectrace: --otlp: The OTLP endpoint 'ftp://collector:4317/' is not an http:// or https:// URL")]
    [InlineData(new[] { "--otlp-args" }, "exectrace: --otlp-args is for --otlp")]
    [InlineData(new[] { "-q" }, "exectrace: --quiet is for --otlp")]
    [InlineData(new[] { "--otlp", "-q", "--json" }, "exectrace: --quiet prints nothing")]
    [InlineData(new[] { "--otlp", "-q", "-o", "/tmp/never-written" }, "exectrace: --quiet prints nothing")]
    public async Task An_otlp_setting_that_cannot_work_is_a_usage_error_before_anything_starts(string[] args, string expected)
    {
        var errors = new StringWriter();

        var exitCode = await ExectraceCommand.InvokeAsync(args, new InvocationConfiguration { Output = new StringWriter(), Error = errors });

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith(expected, errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "exectrace: --otlp: OTEL_EXPORTER_OTLP_PROTOCOL=http/json is not supported")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector", "exectrace: --otlp: OTEL_EXPORTER_OTLP_ENDPOINT=collector is not a URL")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://x", "exectrace: --otlp: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT 'ftp://x/' is not an http:// or https:// URL")]
    [InlineData("OTEL_LOGS_EXPORTER", "console", "exectrace: --otlp: OTEL_LOGS_EXPORTER=console is not supported")]
    public async Task An_otel_variable_that_cannot_work_is_a_usage_error_that_names_it(string variable, string value, string expected)
    {
        var errors = new StringWriter();
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            var exitCode = await ExectraceCommand.InvokeAsync(["--otlp"], new InvocationConfiguration { Output = new StringWriter(), Error = errors });

            Assert.Equal(ExitCodes.UsageError, exitCode);
            Assert.StartsWith(expected, errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Both_signals_turned_off_is_a_usage_error()
    {
        var errors = new StringWriter();
        Environment.SetEnvironmentVariable("OTEL_LOGS_EXPORTER", "none");
        Environment.SetEnvironmentVariable("OTEL_TRACES_EXPORTER", "none");
        try
        {
            var exitCode = await ExectraceCommand.InvokeAsync(["--otlp"], new InvocationConfiguration { Output = new StringWriter(), Error = errors });

            Assert.Equal(ExitCodes.UsageError, exitCode);
            Assert.Contains("nothing to send", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OTEL_LOGS_EXPORTER", null);
            Environment.SetEnvironmentVariable("OTEL_TRACES_EXPORTER", null);
        }
    }
}
