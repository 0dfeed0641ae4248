using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tracing.Kernel.Tests.Cli;

public partial class ExectraceCliTests
{
    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Command_mode_prints_the_subtree_and_exits_with_the_command_exit_code(string source)
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, lines, errors) = await ExectraceSession.RunHeldAsync(
            l => l.EndsWith($" /bin/sh -c 'read x' {marker}", StringComparison.Ordinal), "--source", source, "-t", "--", "/bin/sh", "-c", $"/bin/sh -c 'read x' {marker}; exit 5");

        Assert.True(exitCode == 5, $"exit code {exitCode}; stderr: {errors}");
        Assert.Contains(lines, l => l.EndsWith($"/bin/sh -c '/bin/sh -c '\\''read x'\\'' {marker}; exit 5'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" exit=5 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Json_mode_prints_one_valid_object_per_event_with_escaped_control_characters(string source)
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, lines, errors) = await ExectraceSession.RunHeldAsync(
            l => l.Contains(marker, StringComparison.Ordinal), "--source", source, "--json", "--", "/bin/sh", "-c", "read x", marker, "\u001b[31mred\n");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var objects = lines.Where(l => l.StartsWith('{')).ToList();
        var exec = objects.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("event").GetString() == "exec");
        Assert.Equal(["/bin/sh", "-c", "read x", marker, "\u001b[31mred\n"], exec.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain('\u001b', string.Concat(objects));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Text_mode_escapes_terminal_control_sequences(string source)
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, lines, _) = await ExectraceSession.RunHeldAsync(
            l => l.Contains(marker, StringComparison.Ordinal), "--source", source, "--", "/bin/sh", "-c", "read x", marker, "\u001b]0;pwned\u0007", "it's");

        Assert.Equal(0, exitCode);
        var output = string.Join('\n', lines);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.Contains($"{marker} $'\\E]0;pwned\\x07' 'it'\\''s'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Pid_mode_traces_descendants_and_nothing_outside_the_tree(string source)
    {
        var marker = KernelTracer.NewMarker();
        // Each child lives until the test writes a line, so its argv is there to read and the order is the test's.
        using var root = Process.Start(new ProcessStartInfo(
            "/bin/sh", ["-c", $"read go; /bin/sh -c 'read x' inside-{marker}; /bin/sh -c 'read x' sentinel-{marker}"])
        {
            RedirectStandardInput = true,
        })!;
        try
        {
            await using var exectrace = await ExectraceSession.StartAsync("--source", source, "-p", root.Id.ToString(CultureInfo.InvariantCulture));
            await root.StandardInput.WriteLineAsync("go");
            var inside = (await exectrace.ReadUntilAsync(l => l.Contains($"inside-{marker}", StringComparison.Ordinal)))[^1];
            Assert.EndsWith($" ppid={root.Id} /bin/sh -c 'read x' inside-{marker}", inside, StringComparison.Ordinal);

            // A process outside the tree execs, alive so its argv could be read; then the tree's sentinel, which
            // proves exectrace read past the outsider's exec.
            using var outside = HeldProcess.Start($"outside-{marker}");
            await root.StandardInput.WriteLineAsync();
            var lines = await exectrace.ReadUntilAsync(l => l.Contains($"sentinel-{marker}", StringComparison.Ordinal));
            await root.StandardInput.WriteLineAsync();
            await outside.ReleaseAsync();

            Assert.DoesNotContain(lines, l => l.Contains($"outside-{marker}", StringComparison.Ordinal) || l.Contains($" {outside.Pid} ", StringComparison.Ordinal));
            await root.WaitForExitAsync(new CancellationTokenSource(ExectraceSession.Bound).Token);
            await exectrace.SignalAsync("INT");
            var (exitCode, _, errors) = await exectrace.WaitForExitAsync();
            Assert.True(exitCode == 0, errors);
        }
        finally
        {
            if (!root.HasExited)
            {
                root.Kill();
            }
        }
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Output_file_receives_every_event_by_the_time_exectrace_exits(string source)
    {
        var marker = KernelTracer.NewMarker();
        var file = Path.Combine(Path.GetTempPath(), marker + ".log");
        var childPidFile = Path.Combine(Path.GetTempPath(), marker + ".child");
        try
        {
            // The command shares exectrace's stdin: it ends when the test writes a line, after READY=1. Its child ends at
            // once, after writing down its pid: it may be gone before its argv is read, and the file is no place to wait
            // for its line; the test is about the file, and knows the child by the pid it recorded.
            await using var exectrace = await ExectraceSession.StartAsync(
                "--source", source, "-t", "-o", file, "--", "/bin/sh", "-c", $"read x; /bin/sh -c 'echo $$ > {childPidFile}' child; exit 4", marker);
            var status = ReadyStatus().Match(exectrace.Ready);
            Assert.True(status.Success, exectrace.Ready);
            exectrace.WriteInput(string.Empty);
            var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

            Assert.True(exitCode == 4, $"exit code {exitCode}; stderr: {errors}");
            var lines = await File.ReadAllLinesAsync(file);
            var pid = status.Groups["pid"].Value;
            var child = File.ReadAllText(childPidFile).Trim();
            Assert.Contains(lines, l => l.Contains($" {pid} ppid={exectrace.Pid} /bin/sh -c ", StringComparison.Ordinal) && l.EndsWith($" {marker}", StringComparison.Ordinal));
            var childExec = Assert.Single(lines, l => l.Contains($" {child} ppid={pid} ", StringComparison.Ordinal));
            // eBPF captures argv in the kernel at the exec: only the proc connector, reading /proc, can find it gone.
            Assert.True(
                childExec.EndsWith($" {child} ppid={pid} /bin/sh -c 'echo $$ > {childPidFile}' child", StringComparison.Ordinal)
                || (source == "proc-connector" && childExec.EndsWith($" {child} ppid={pid} [argv unavailable: process ended] sh", StringComparison.Ordinal)),
                childExec);
            Assert.Contains(lines, l => l.Contains($" {child} exit=0 ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains($" {pid} exit=4 ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
            File.Delete(childPidFile);
        }
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Nonexistent_pid_is_a_clear_usage_error(string source)
    {
        var (exitCode, _, errors) = await ExectraceProcess.RunAsync("--source", source, "-p", "999999999");

        Assert.Equal(2, exitCode);
        Assert.Contains("process 999999999 does not exist", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Missing_command_is_reported_with_exit_code_127(string source)
    {
        var (exitCode, _, errors) = await ExectraceProcess.RunAsync("--source", source, "--", "/nonexistent/command");

        Assert.Equal(127, exitCode);
        Assert.Contains("/nonexistent/command", errors, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^READY=1\nSTATUS=Tracing /bin/sh \(pid (?<pid>\d+)\) and its descendants$")]
    private static partial Regex ReadyStatus();
}
