using System.Diagnostics;
using System.Text;

namespace Tracing.Kernel.Tests.Hosting;

/// <summary>
/// A library user's worker (tests/Tracing.HostedWorker: the generic host, the runtime's defaults, tiered compilation on,
/// its own meter listener or the OpenTelemetry SDK) traces a shell that, once the worker is ready, starts 20
/// <c>/bin/echo MARK-i</c> 0.1 s apart, each recording its pid first. Every one must come whole, the first ones as the
/// last: the pid the process recorded, argv exactly as it ran, read in full (not a command name standing in for it).
/// </summary>
public sealed class HostedFirstExecTests
{
    private const int Execs = 20;

    [Theory]
    [InlineData("listener")]
    [InlineData("opentelemetry")]
    [InlineData("none")]
    public async Task A_hosted_worker_reports_its_first_execs_whole(string meters)
    {
        var record = Path.Combine(Path.GetTempPath(), $"hosted-first-exec-{Guid.NewGuid():N}");

        // The driver: waits for "go" on stdin, then runs the execs; each records "pid MARK-i" before it execs echo; a last
        // echo DONE says nothing more comes.
        var script = $$"""
            read go
            i=1
            while [ $i -le {{Execs}} ]; do
              sh -c 'echo "$$ MARK-'$i'" >> "$0"; exec /bin/echo MARK-'$i "$1"
              sleep 0.1
              i=$((i + 1))
            done
            /bin/echo DONE
            """;
        using var driver = Start("/bin/sh", ["-c", script, "driver", record], redirectInput: true);
        using var worker = StartWorker(meters, driver.Id);
        var lines = new List<string>();
        var ready = new TaskCompletionSource();
        var done = new TaskCompletionSource();
        worker.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data == "READY")
            {
                ready.TrySetResult();
            }
            else if (e.Data.StartsWith("EXEC ", StringComparison.Ordinal) && e.Data.EndsWith(' ' + Base64("DONE"), StringComparison.Ordinal))
            {
                done.TrySetResult();
            }
        };
        var errors = worker.StandardError.ReadToEndAsync();
        worker.BeginOutputReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await driver.StandardInput.WriteLineAsync("go");
            await driver.StandardInput.FlushAsync();
            await driver.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            // SIGTERM: the host stops, and the worker prints what its meter listener or exporter measured.
            if (!worker.HasExited)
            {
                _ = Kill(worker.Id, "TERM");
            }

            await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        string[] output;
        lock (lines)
        {
            output = [.. lines];
        }

        var detail = $"worker output (GC: collections and pause at stop):\n{string.Join('\n', output)}\nworker errors:\n{await errors}";
        var recorded = File.ReadAllLines(record).Select(l => l.Split(' ')).ToList();
        File.Delete(record);
        Assert.True(recorded.Count == Execs, detail);
        var reported = output.Where(l => l.StartsWith("EXEC ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        var failures = new List<string>();
        foreach (var (pid, mark) in recorded.Select(r => (r[0], r[1])))
        {
            // The sh exec of the same pid comes first; the echo's exec is the one that names echo.
            var echo = reported.LastOrDefault(r => r[1] == pid);
            if (echo is null)
            {
                failures.Add($"{mark} (pid {pid}): not reported");
            }
            else if (echo[2] != "Complete" || !echo.AsSpan(3).SequenceEqual([Base64("/bin/echo"), Base64(mark)]))
            {
                failures.Add($"{mark} (pid {pid}): {echo[2]} {string.Join(" ", echo.Skip(3).Select(Decode))}");
            }
        }

        Assert.True(failures.Count == 0, $"{meters}: {failures.Count} of {Execs} execs not whole: {string.Join("; ", failures)}\n{detail}");
        if (meters != "none")
        {
            // The listener or the exporter was live: what it measured is what a user's would.
            var measured = output.Single(l => l.StartsWith("MEASUREMENTS tracing.events ", StringComparison.Ordinal));
            Assert.True(long.Parse(measured.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture) >= Execs, detail);
        }
    }

    private static Process StartWorker(string meters, int root)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tracing.HostedWorker.dll"));
        info.ArgumentList.Add(meters);
        info.Environment["ExecTracing__Scope"] = "ProcessTree";
        info.Environment["ExecTracing__Pid"] = root.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        // The runtime's defaults, as a user's app has them, whatever the test run was given.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("DOTNET_Tiered", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_TC_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        return Process.Start(info)!;
    }

    private static Process Start(string file, string[] arguments, bool redirectInput)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = redirectInput, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("/bin/kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
}
