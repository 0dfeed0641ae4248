using System.Diagnostics;
using Tracing.Tests.Systemd;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>exectrace run as an unprivileged user (nobody) watching root's processes.</summary>
public class ExectraceUnprivilegedTests
{
    [Fact]
    public async Task As_nobody_it_traces_roots_processes_with_argv_and_without_what_it_may_not_read()
    {
        var marker = KernelTracer.NewMarker();
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/share/dotnet/dotnet";
        var info = new ProcessStartInfo("setpriv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp",
            host, Path.Combine(AppContext.BaseDirectory, "exectrace.dll"), "--source", "proc-connector", "-d", "-u"])
        {
            info.ArgumentList.Add(argument);
        }

        // One source only: Linux 6.6+ lets anyone subscribe to the proc connector; eBPF needs CAP_BPF and CAP_PERFMON.
        // An abstract socket, since nobody may not write to a socket file of root's.
        await using var exectrace = await ExectraceSession.StartAsync(info, NotifySocket.Bind(abstractNamespace: true));

        // A root process in root's home, then a sentinel: everything up to the sentinel has been read.
        using (var root = HeldProcess.Start(marker, workingDirectory: "/root"))
        using (var sentinel = HeldProcess.Start("sentinel-" + marker))
        {
            var lines = await exectrace.ReadUntilAsync(l => l.EndsWith($" sentinel-{marker}", StringComparison.Ordinal));
            await root.ReleaseAsync();
            await sentinel.ReleaseAsync();

            // argv is world-readable; root's working directory is not: it shows as unknown, nothing fails.
            var line = Assert.Single(lines, l => l.Contains(marker, StringComparison.Ordinal) && !l.Contains("sentinel-", StringComparison.Ordinal));
            Assert.EndsWith($"uid=0 cwd=? /bin/sh -c 'read x' {marker}", line, StringComparison.Ordinal);
        }

        await exectrace.SignalAsync("TERM");
        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();
        Assert.True(exitCode == 0, errors);
        // The one privilege it lacks is named.
        Assert.Contains("CAP_SYS_NICE", errors, StringComparison.Ordinal);
    }
}
