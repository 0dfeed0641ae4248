using System.Diagnostics;
using System.Text;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// The command exectrace runs gets what exectrace was given, as under <c>env</c> or <c>strace</c>: the argv and
/// environment bytes (invalid UTF-8 and names that are not valid variables included), the signals given as ignored,
/// the signal mask, and default SIGPIPE. Bytes a .NET string cannot carry are made by <c>sh</c> with <c>printf</c>;
/// dispositions and mask are set by <c>env</c> and compared with the same command run without exectrace.
/// </summary>
public class ExectraceCommandFidelityTests
{
    private const string Exectrace = "\"$0\" \"$1\" --source \"$2\" -o /dev/null --";

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task An_argument_that_is_not_UTF8_reaches_the_command_byte_for_byte(string source)
    {
        var (exitCode, output, errors) = await RunAsync(
            source, $"exec {Exectrace} /bin/sh -c 'cat /proc/$$/cmdline' x \"$(printf 'a\\377b')\" ''");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        // Bytes compared as Latin-1 text: one char per byte, readable when it fails.
        Assert.Equal("/bin/sh\0-c\0cat /proc/$$/cmdline\0x\0a\u00ffb\0\0", Encoding.Latin1.GetString(output));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task The_environment_reaches_the_command_byte_for_byte_with_invalid_names_and_values(string source)
    {
        var (exitCode, output, errors) = await RunAsync(
            source, $"exec env -i 'a-b=1' \"V=$(printf 'x\\377y')\" {Exectrace} /bin/sh -c 'cat /proc/$$/environ'");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        Assert.Equal("a-b=1\0V=x\u00ffy\0", Encoding.Latin1.GetString(output));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Signals_given_as_ignored_stay_ignored_the_rest_are_default_and_the_mask_is_the_one_given(string source)
    {
        const string Given = "env --default-signal --ignore-signal=HUP --block-signal=USR1";
        const string Status = "grep -E '^Sig(Ign|Blk)' /proc/self/status";
        var direct = await RunAsync(source, $"exec {Given} {Status}");
        var (exitCode, output, errors) = await RunAsync(source, $"exec {Given} {Exectrace} {Status}");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var expected = Encoding.ASCII.GetString(direct.Output);
        // What env gave: SIGHUP (bit 0) ignored, nothing else; SIGUSR1 (bit 9) blocked.
        Assert.Equal("SigBlk:\t0000000000000200\nSigIgn:\t0000000000000001\n", expected);
        Assert.Equal(expected, Encoding.ASCII.GetString(output));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task With_SIGCHLD_given_as_ignored_the_command_gets_it_default_and_its_exit_code_is_known(string source)
    {
        // The one ignored signal not passed on: ignored, the kernel would reap the command before exectrace can wait.
        const string Given = "env --default-signal --ignore-signal=CHLD";
        const string Status = "grep ^SigIgn /proc/self/status";
        var direct = await RunAsync(source, $"exec {Given} {Status}");
        var (exitCode, output, errors) = await RunAsync(source, $"exec {Given} {Exectrace} {Status}");
        // With SIGCHLD ignored in exectrace the kernel would reap the command at once, leaving no status to wait for.
        var exited = await RunAsync(source, $"exec {Given} {Exectrace} sh -c 'exit 3'");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        Assert.Equal("SigIgn:\t0000000000010000\n", Encoding.ASCII.GetString(direct.Output));
        Assert.Equal("SigIgn:\t0000000000000000\n", Encoding.ASCII.GetString(output));
        Assert.True(exited.ExitCode == 3, $"exit code {exited.ExitCode}; stderr: {exited.Errors}");
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_pipeline_in_the_command_ends_with_SIGPIPE_as_in_a_shell(string source)
    {
        var (exitCode, output, errors) = await RunAsync(
            source, $"exec env --default-signal=PIPE {Exectrace} bash -c 'yes | head -1; echo ${{PIPESTATUS[*]}}'");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        Assert.Equal("y\n141 0\n", Encoding.ASCII.GetString(output));
        Assert.DoesNotContain("Broken pipe", errors, StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="script"/> with <c>sh</c>, <c>$0 $1 $2</c> being the dotnet host, exectrace.dll and the <c>--source</c>.</summary>
    private static async Task<(int ExitCode, byte[] Output, string Errors)> RunAsync(string source, string script)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo("/bin/sh", ["-c", script, host, Path.Combine(AppContext.BaseDirectory, "exectrace.dll"), source])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var copied = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExectraceSession.Bound);
        await process.WaitForExitAsync(timeout.Token);
        await copied;
        return (process.ExitCode, output.ToArray(), await errors);
    }
}
