using System.Diagnostics;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>exectrace run as an unprivileged user (nobody) watching root's processes.</summary>
public class ExectraceUnprivilegedTests
{
    [Fact]
    public async Task As_nobody_it_traces_roots_processes_with_argv_and_without_what_it_may_not_read()
    {
        var marker = KernelTracer.NewMarker();
        var output = Path.Combine(Path.GetTempPath(), marker + ".txt");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/share/dotnet/dotnet";
        var info = new ProcessStartInfo("setpriv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp",
            host, Path.Combine(AppContext.BaseDirectory, "exectrace.dll"), "-d", "-u", "-o", output])
        {
            info.ArgumentList.Add(argument);
        }

        using var tracer = Process.Start(info)!;
        var errors = tracer.StandardError.ReadToEndAsync();
        try
        {
            // Linux 6.6+ lets anyone subscribe; wait until it is ready, then start a root process in root's home.
            for (var i = 0; i < 100 && !File.Exists(output); i++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(1000);
            using (var root = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "sleep 0.3", marker]) { WorkingDirectory = "/root" })!)
            {
                await root.WaitForExitAsync();
            }

            await Task.Delay(500);
            using var kill = Process.Start("kill", ["-TERM", tracer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await tracer.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

            var stderr = await errors;
            Assert.True(tracer.ExitCode == 0, stderr);
            var line = Assert.Single(File.ReadAllLines(output), l => l.Contains(marker, StringComparison.Ordinal));
            // argv is world-readable; root's working directory is not: it shows as unknown, nothing fails.
            Assert.EndsWith($"uid=0 cwd=? /bin/sh -c 'sleep 0.3' {marker}", line, StringComparison.Ordinal);
            // The one privilege it lacks is named.
            Assert.Contains("CAP_SYS_NICE", stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!tracer.HasExited)
            {
                tracer.Kill();
            }

            File.Delete(output);
        }
    }
}
