using System.Text.RegularExpressions;
using Tracing.Kernel.Tests.Shapes;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>What belongs to a command exectrace runs, and for how long it is traced: <c>CLONE_PARENT</c> helpers, and <c>-f</c>.</summary>
public partial class ExectraceFollowTests
{
    // The daemon double-forks away (a subshell's background job, in a session of its own), then holds on the FIFO ($0)
    // until the test releases it, and execs a shell that holds on the FIFO $2 (so that its argv is read whatever the
    // machine's load) with MARKER ($1) last; the command exits 3 at once.
    private const string LeaveADaemon =
        "(setsid /bin/sh -c 'read x < \"$0\"; exec /bin/sh -c \"read y < \\\"\\$0\\\"\" \"$2\" \"$1\"' \"$0\" \"$1\" \"$2\" </dev/null >/dev/null 2>&1 &); exit 3";

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_helper_the_command_made_with_CLONE_PARENT_is_reported_with_exectrace_for_parent_and_followed_to_its_end(string source)
    {
        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("--source", source, "-f", "-t", "--", ShapesProgram.Path, "clone-parent", "5");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var execs = lines.Select(l => ExecLine().Match(l)).Where(m => m.Success).ToList();
        var helper = Assert.Single(execs, m => m.Groups["argv"].Value == $"{ShapesProgram.Path} leaf 5");
        // The command ends as soon as it has made the helper, so the proc connector may find it gone before its argv
        // is read (and then says so); eBPF captures argv in the kernel at the exec. It is the one other exec.
        var command = Assert.Single(execs, m => m != helper);
        string[] argvs = source == "bpf"
            ? [$"{ShapesProgram.Path} clone-parent 5"]
            : [$"{ShapesProgram.Path} clone-parent 5", "[argv unavailable: process ended] shapes"];
        Assert.Contains(command.Groups["argv"].Value, argvs);
        // The helper is the command's sibling: both are exectrace's children.
        Assert.Equal(command.Groups["ppid"].Value, helper.Groups["ppid"].Value);
        Assert.NotEqual(command.Groups["pid"].Value, helper.Groups["pid"].Value);
        // It ended after the command (it lingers), and -f waited for it.
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^\S+ {helper.Groups["pid"].Value} exit=5 "));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task With_follow_the_daemon_the_command_left_behind_is_traced_after_the_command_exited_until_it_ends(string source)
    {
        using var fifos = new Fifos();
        string fifo = fifos.Make("daemon"), held = fifos.Make("held");
        var marker = KernelTracer.NewMarker();
        await using var session = await ExectraceSession.StartAsync("--source", source, "-f", "-t", "--", "/bin/sh", "-c", LeaveADaemon, fifo, marker, held);

        var commandExit = (await session.ReadUntilAsync(l => l.Contains(" exit=3 ", StringComparison.Ordinal)))[^1];
        // The open returns once the daemon has the FIFO open: it lives, the command has ended.
        await fifos.ReleaseAsync(fifo, ExectraceSession.Bound);
        var execOfDaemon = (await session.ReadUntilAsync(l => l.EndsWith($" {held} {marker}", StringComparison.Ordinal)))[^1];
        await fifos.ReleaseAsync(held, ExectraceSession.Bound);
        var (exitCode, lines, errors) = await session.WaitForExitAsync();

        Assert.True(exitCode == 3, $"exit code {exitCode}; stderr: {errors}");
        Assert.True(lines.ToList().IndexOf(commandExit) < lines.ToList().IndexOf(execOfDaemon), string.Join('\n', lines));
        var daemon = ExecLine().Match(execOfDaemon).Groups["pid"].Value;
        Assert.Contains(lines, l => Regex.IsMatch(l, $@"^\S+ {daemon} exit=0 "));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Without_follow_exectrace_ends_with_the_command_while_its_daemon_lives(string source)
    {
        using var fifos = new Fifos();
        string fifo = fifos.Make("daemon"), held = fifos.Make("held");
        var marker = KernelTracer.NewMarker();
        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("--source", source, "-t", "--", "/bin/sh", "-c", LeaveADaemon, fifo, marker, held);
        // exectrace has exited; the daemon still lives: the open returns only once it has the FIFO open.
        await fifos.ReleaseAsync(fifo, ExectraceSession.Bound);
        await fifos.ReleaseAsync(held, ExectraceSession.Bound);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(exitCode == 3, $"exit code {exitCode}; stderr: {errors}");
        Assert.Contains(lines, l => l.Contains(" exit=3 ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.EndsWith($" {held} {marker}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\S+ (?<pid>\d+) ppid=(?<ppid>\d+) (?<argv>.*)$")]
    private static partial Regex ExecLine();
}
