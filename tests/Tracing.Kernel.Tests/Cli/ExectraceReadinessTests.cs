using System.Diagnostics;
using Tracing.Tests.Systemd;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>exectrace as a service manager sees it: READY=1 when tracing is live, STOPPING=1, a clean stop on SIGTERM.</summary>
public class ExectraceReadinessTests
{
    [Theory]
    [InlineData("bpf", false)]
    [InlineData("proc-connector", false)]
    [InlineData("bpf", true)]
    [InlineData("proc-connector", true)]
    public async Task Ready_comes_once_tracing_is_live_so_the_next_exec_is_reported(string source, bool abstractNamespace)
    {
        var marker = KernelTracer.NewMarker();
        await using var exectrace = await ExectraceSession.StartAsync(ExectraceProcess.StartInfo("--source", source), NotifySocket.Bind(abstractNamespace));

        // Started the moment READY=1 arrived: had exectrace said so before subscribing, this exec could be missed.
        using var first = HeldProcess.Start(marker);
        var line = (await exectrace.ReadUntilAsync(l => l.Contains(marker, StringComparison.Ordinal)))[^1];
        await first.ReleaseAsync();

        Assert.EndsWith($" {first.Pid} ppid={Environment.ProcessId} /bin/sh -c 'read x' {marker}", line, StringComparison.Ordinal);
        Assert.Equal("READY=1\nSTATUS=Tracing every exec on this machine", exectrace.Ready);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Sigterm_ends_machine_wide_tracing_cleanly_and_says_it_is_stopping(string source)
    {
        await using var exectrace = await ExectraceSession.StartAsync("--source", source);

        await exectrace.SignalAsync("TERM");
        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        Assert.True(exitCode == 0, errors);
        Assert.Equal("STOPPING=1\nSTATUS=Stopping", await exectrace.Notify.WaitForAsync("STOPPING=1", ExectraceSession.Bound));
        Assert.Equal(["READY=1", "STOPPING=1"], exectrace.Notify.Received.Select(d => d.Split('\n')[0]));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Sigterm_ends_tracing_even_when_nobody_reads_its_output(string source)
    {
        // stdout is a pipe nobody reads: once it is full, writing a line blocks. Tracing is live, so every filler is
        // a line: 1500 of them overfill the pipe's 64 KiB.
        var info = ExectraceProcess.StartInfo("--source", source);
        await using var exectrace = await ExectraceSession.StartAsync(info, NotifySocket.Bind(), readOutput: false);
        for (var i = 0; i < 1500; i++)
        {
            using var filler = Process.Start(new ProcessStartInfo("/bin/true", [new string('x', 100)]))!;
            await filler.WaitForExitAsync();
        }

        await exectrace.SignalAsync("TERM");
        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        Assert.True(exitCode == 0, errors);
        Assert.Contains("the output is not being read", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Started_in_the_background_by_a_script_sigint_stays_ignored_and_sigterm_still_stops_it(string source)
    {
        // `exectrace ... &` in a script: the shell gives SIGINT as ignored, so a Ctrl-C meant for the script's
        // foreground leaves it running. exectrace keeps that, as a POSIX program does; SIGTERM stops it.
        var info = ExectraceProcess.StartInfo("--source", source);
        info.ArgumentList.Insert(1, "--ignore-signal=INT"); // after --default-signal=INT: env applies them in order
        await using var exectrace = await ExectraceSession.StartAsync(info, NotifySocket.Bind(), readOutput: false);

        var ignored = File.ReadLines($"/proc/{exectrace.Pid}/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        await exectrace.SignalAsync("TERM");
        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        Assert.True((Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0, ignored);
        Assert.True(exitCode == 0, errors);
    }
}
