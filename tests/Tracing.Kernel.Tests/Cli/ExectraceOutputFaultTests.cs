using System.Diagnostics;
using System.Text.RegularExpressions;
using Tracing.Tests.Systemd;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// Output that fails (a closed stdout, a full disk, a reader that went away) and an output that cannot be opened yet
/// (a FIFO nobody reads): each ends with one message and a code from the exit-code table, and a command is never left
/// behind.
/// </summary>
public class ExectraceOutputFaultTests
{
    // Rows of the exit-code table (README.md, src/Tracing.Cli/Running/ExitCodes.cs).
    private const int Success = 0;
    private const int TracingFailed = 1;
    private const int Interrupted = 130;

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_closed_stdout_ends_tracing_with_one_message_and_exit_code_1(string source)
    {
        var info = ExectraceProcess.StartInfo("--source", source);
        info.ArgumentList.Insert(0, info.FileName);
        info.FileName = "/bin/sh";
        info.ArgumentList.Insert(0, "sh");
        info.ArgumentList.Insert(0, "exec \"$@\" >&-");
        info.ArgumentList.Insert(0, "-c");
        await using var exectrace = await ExectraceSession.StartAsync(info, NotifySocket.Bind(), readOutput: false);

        // Tracing is live: these execs are lines, and the first one cannot be written.
        for (var i = 0; i < 3; i++)
        {
            using var exec = Process.Start("/bin/true")!;
            await exec.WaitForExitAsync();
        }

        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        Assert.True(exitCode == TracingFailed, $"exit code {exitCode}; stderr: {errors}");
        Assert.Equal(
            ["exectrace: cannot write events to standard output: Bad file descriptor; tracing stops (exit code 1)."],
            Lines(errors));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Output_on_a_full_disk_is_said_once_the_command_runs_to_its_end_and_exectrace_exits_1(string source)
    {
        var marker = KernelTracer.NewMarker();
        await using var exectrace = await ExectraceSession.StartAsync(
            "--source", source, "-o", "/dev/full", "--", "/bin/sh", "-c", $"read x; /bin/true {marker}; read y; echo ran-on-{marker} >&2; exit 3");

        exectrace.WriteInput(string.Empty);
        exectrace.WriteInput(string.Empty);
        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        // The message is said from another thread, so the command's line may come first; each comes once.
        Assert.True(exitCode == TracingFailed, $"exit code {exitCode}; stderr: {errors}");
        Assert.Equal(
            [
                $"ran-on-{marker}",
                "exectrace: cannot write events to /dev/full: No space left on device; no more events are written; the command runs on to its end, then exectrace exits with 1.",
            ],
            Lines(errors).Order(StringComparer.Ordinal).Reverse());
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_reader_that_went_away_lets_the_command_run_to_its_end_and_its_code_pass_through_quietly(string source)
    {
        var marker = KernelTracer.NewMarker();
        await using var exectrace = await ExectraceSession.StartAsync(
            ExectraceProcess.StartInfo("--source", source, "--", "/bin/sh", "-c", $"read x; /bin/true {marker}; read y; exit 3"), NotifySocket.Bind(), readOutput: false);

        // As `exectrace -- CMD | head -1` once head has its line: the next line meets EPIPE.
        exectrace.CloseOutput();
        exectrace.WriteInput(string.Empty);
        exectrace.WriteInput(string.Empty);
        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        Assert.True(exitCode == 3, $"exit code {exitCode}; stderr: {errors}");
        Assert.Empty(Lines(errors));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Without_a_command_a_reader_that_went_away_ends_tracing_quietly_with_0(string source)
    {
        await using var exectrace = await ExectraceSession.StartAsync(ExectraceProcess.StartInfo("--source", source), NotifySocket.Bind(), readOutput: false);
        exectrace.CloseOutput();
        using (var exec = Process.Start("/bin/true")!)
        {
            await exec.WaitForExitAsync();
        }

        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        Assert.True(exitCode == Success, $"exit code {exitCode}; stderr: {errors}");
        Assert.Empty(Lines(errors));
    }

    [Theory]
    [InlineData("bpf", "events")]
    [InlineData("proc-connector", "events")]
    [InlineData("bpf", "ev\u001b[31ments\n")] // said with the escapes as \xNN, never raw
    [InlineData("proc-connector", "ev\u001b[31ments\n")]
    public async Task A_signal_while_waiting_for_a_fifos_reader_ends_exectrace_with_130_and_says_why(string source, string name)
    {
        using var fifos = new Fifos();
        var fifo = fifos.Make(name);
        using var notify = NotifySocket.Bind();
        var info = ExectraceProcess.StartInfo("--source", source, "-o", fifo, "--", "/bin/true");
        info.Environment["NOTIFY_SOCKET"] = notify.Address;
        using var exectrace = Process.Start(info)!;
        var errors = exectrace.StandardError.ReadToEndAsync();

        await notify.WaitForAsync($"STATUS=Opening {fifo.Replace('\u001b', '?').Replace('\n', '?')} (a FIFO waits for its reader)", ExectraceSession.Bound);
        using (var kill = Process.Start("kill", ["-TERM", exectrace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        await exectrace.WaitForExitAsync(new CancellationTokenSource(ExectraceSession.Bound).Token);

        Assert.True(exectrace.ExitCode == Interrupted, $"exit code {exectrace.ExitCode}; stderr: {await errors}");
        var said = fifo.Replace("\u001b", "\\x1b", StringComparison.Ordinal).Replace("\n", "\\x0a", StringComparison.Ordinal);
        Assert.Equal([$"exectrace: stopped by a signal while opening {said} (a FIFO with no reader?); nothing was traced."], Lines(await errors));
        Assert.DoesNotContain(notify.Received, d => d.StartsWith("READY=1", StringComparison.Ordinal));
    }

    /// <summary>stderr's lines, without the runtime's own noise (none is expected): every line counts.</summary>
    private static string[] Lines(string errors) =>
        [.. Regex.Split(errors.TrimEnd('\n'), "\n").Where(line => line.Length > 0)];
}
