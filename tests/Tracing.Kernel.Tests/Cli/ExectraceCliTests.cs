using System.Diagnostics;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Cli;

public class ExectraceCliTests
{
    [Fact]
    public async Task Command_mode_prints_the_subtree_and_exits_with_the_command_exit_code()
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("-t", "--", "/bin/sh", "-c", $"/bin/echo {marker} >/dev/null; exit 5");

        Assert.True(exitCode == 5, $"exit code {exitCode}; stderr: {errors}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Any(l => l.EndsWith($"/bin/echo {marker}", StringComparison.Ordinal)), output + errors);
        Assert.True(lines.Any(l => l.Contains("exit=5", StringComparison.Ordinal)), output + errors);
    }

    [Fact]
    public async Task Json_mode_prints_one_valid_object_per_event_with_escaped_control_characters()
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("--json", "--", "/bin/echo", marker, "\u001b[31mred\n");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
        var exec = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("event").GetString() == "exec");
        Assert.Equal(["/bin/echo", marker, "\u001b[31mred\n"], exec.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain('\u001b', string.Concat(lines));
    }

    [Fact]
    public async Task Text_mode_escapes_terminal_control_sequences()
    {
        // The command's own output goes elsewhere: only exectrace's lines are on stdout.
        var (exitCode, output, _) = await ExectraceProcess.RunAsync("--", "/bin/sh", "-c", "/bin/echo \"$@\" >/dev/null", "sh", "\u001b]0;pwned\u0007", "it's");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.Contains("$'\\E]0;pwned\\x07' 'it'\\''s'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pid_mode_traces_descendants_and_output_file_receives_events()
    {
        var marker = KernelTracer.NewMarker();
        var file = Path.Combine(Path.GetTempPath(), marker + ".log");
        using var root = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"sleep 2; /bin/echo {marker} >/dev/null"]))!;
        using var tracer = Process.Start(ExectraceProcess.StartInfo("-p", root.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", file))!;
        try
        {
            await root.WaitForExitAsync();
            await Task.Delay(300);
            await SendSignalAsync(tracer.Id, "INT");
            await tracer.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

            Assert.Equal(0, tracer.ExitCode);
            Assert.Contains($"/bin/echo {marker}", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Sigterm_ends_machine_wide_tracing_cleanly()
    {
        using var tracer = Process.Start(ExectraceProcess.StartInfo())!;
        var output = tracer.StandardOutput.ReadToEndAsync();
        var errors = tracer.StandardError.ReadToEndAsync();
        await Task.Delay(1500);
        await SendSignalAsync(tracer.Id, "TERM");
        await tracer.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.True(tracer.ExitCode == 0, await errors);
        await output;
    }

    [Fact]
    public async Task Sigterm_ends_tracing_even_when_nobody_reads_its_output()
    {
        // stdout is a pipe nobody reads: once it is full, writing a line blocks.
        using var tracer = Process.Start(ExectraceProcess.StartInfo())!;
        var errors = tracer.StandardError.ReadToEndAsync();
        await Task.Delay(1500);
        for (var i = 0; i < 1500; i++)
        {
            using var filler = Process.Start(new ProcessStartInfo("/bin/true", [new string('x', 100)]))!;
            await filler.WaitForExitAsync();
        }

        await SendSignalAsync(tracer.Id, "TERM");
        await tracer.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.True(tracer.HasExited, await errors);
    }

    [Fact]
    public async Task Nonexistent_pid_is_a_clear_usage_error()
    {
        var (exitCode, _, errors) = await ExectraceProcess.RunAsync("-p", "999999999");

        Assert.Equal(2, exitCode);
        Assert.Contains("process 999999999 does not exist", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_command_is_reported_with_exit_code_127()
    {
        var (exitCode, _, errors) = await ExectraceProcess.RunAsync("--", "/nonexistent/command");

        Assert.Equal(127, exitCode);
        Assert.Contains("/nonexistent/command", errors, StringComparison.Ordinal);
    }

    private static async Task SendSignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
