using System.Diagnostics;

namespace Tracing.Kernel.Tests.Shapes;

/// <summary>
/// One shape's driver and its folder: the record it writes, the control FIFO it reads ("go", "reused", "end"), and the
/// outsider it may ask for. Every wait is for something the driver signals, bounded by a timeout that fails the test.
/// </summary>
internal sealed class ShapeRun : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private readonly string _directory;
    private StreamWriter? _control;

    public ShapeRun(string shape)
    {
        Shape = shape;
        _directory = Directory.CreateTempSubdirectory("tracing-shape-").FullName;
    }

    public string Shape { get; }

    public string RecordPath => Path.Combine(_directory, "record");

    /// <summary>The driver's command line: <c>shapes driver DIR SHAPE</c>.</summary>
    public string[] DriverArguments => ["driver", _directory, Shape];

    public ShapeRecord Record => ShapeRecord.Read(RecordPath);

    public Process StartDriver() => Process.Start(new ProcessStartInfo(ShapesProgram.Path, DriverArguments))!;

    /// <summary>Waits until the driver is up and listening; with <paramref name="sendGo"/>, tells it to run the shape.</summary>
    /// <returns>The driver's pid.</returns>
    public async Task<int> GoAsync(bool sendGo)
    {
        var driver = await UntilAsync(r => r.DriverPid, "the driver to be ready");
        if (sendGo)
        {
            _control = new StreamWriter(new FileStream(Path.Combine(_directory, "control"), FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1)) { AutoFlush = true };
            await _control.WriteLineAsync("go");
        }

        return driver;
    }

    /// <summary>Waits until every process of the shape has ended, taking the part of the outsider when asked.</summary>
    public async Task WaitDoneAsync()
    {
        var outsiderRun = false;
        await UntilAsync(
            r =>
            {
                if (r.PidToReuse is int pid && !outsiderRun)
                {
                    outsiderRun = true;
                    RunOutsider(pid);
                }

                return r.Done ? (bool?)true : null;
            },
            "the shape to end");
    }

    /// <summary>Tells the driver to exec the sentinel and end.</summary>
    public Task EndAsync() => _control!.WriteLineAsync("end");

    public void Dispose()
    {
        _control?.Dispose();

        // A run that failed may leave its driver waiting on the FIFO: end it (its command line names this folder).
        try
        {
            if (Record.DriverPid is int driver && File.ReadAllText($"/proc/{driver}/cmdline").Contains(_directory, StringComparison.Ordinal))
            {
                using var process = Process.GetProcessById(driver);
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // Gone already: nothing to end.
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Forks as a shape process's pid, from outside the driver's tree (this test process's child).</summary>
    private void RunOutsider(int pid)
    {
        var start = new ProcessStartInfo(ShapesProgram.Path, ["outside", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        start.Environment["SHAPE_RECORD"] = RecordPath;
        using var outsider = Process.Start(start)!;
        outsider.WaitForExit();
        if (outsider.ExitCode != 0 || !Record.HasOutsider)
        {
            throw new InvalidOperationException($"The outsider could not take pid {pid} (exit {outsider.ExitCode}).");
        }

        _control!.WriteLine("reused");
    }

    /// <summary>
    /// Probes the record each time the driver (or the outsider) appends to it, which inotify reports: nothing polls,
    /// and the timeout only fails the test.
    /// </summary>
    private async Task<T> UntilAsync<T>(Func<ShapeRecord, T?> probe, string what)
        where T : struct
    {
        // Not disposed: a callback may still be running as the watcher is disposed.
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(_directory, "record") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Created += (_, _) => changed.Release();
        watcher.Changed += (_, _) => changed.Release();
        // Should inotify's queue overflow, an error: probe again all the same.
        watcher.Error += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            if (probe(Record) is T value)
            {
                return value;
            }

            var left = s_timeout - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero || !await changed.WaitAsync(left))
            {
                throw new TimeoutException($"Timed out waiting for {what} ({Shape}); record:\n{(File.Exists(RecordPath) ? File.ReadAllText(RecordPath) : "(none)")}");
            }
        }
    }
}
