using System.Diagnostics;
using System.Formats.Tar;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>
/// A private podman API service on its own socket, a busybox image built from the machine's static busybox (no
/// registry is reachable), a running container and a stopped one, all named for this run and removed at the end.
/// </summary>
public sealed class EngineTestService : IAsyncLifetime
{
    private const string Busybox = "/bin/busybox";

    private readonly string _run = "engine-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _containers = [];
    private Process? _service;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("engine-").FullName;

    public string SocketPath => Path.Join(Directory, "podman.sock");

    public string Image => $"localhost/{_run}:1";

    public string RunningName => _run + "-running";

    public string StoppedName => _run + "-stopped";

    public async Task InitializeAsync()
    {
        await BuildImageAsync();
        _service = Process.Start(new ProcessStartInfo("podman", ["system", "service", "--time=0", "unix://" + SocketPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("podman system service did not start");
        var deadline = Stopwatch.GetTimestamp();
        while (!File.Exists(SocketPath))
        {
            if (_service.HasExited)
            {
                throw new InvalidOperationException($"podman system service exited with {_service.ExitCode}: {await _service.StandardError.ReadToEndAsync()}");
            }

            if (Stopwatch.GetElapsedTime(deadline) > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"podman system service made no socket at {SocketPath} in 20 s");
            }

            await Task.Delay(50);
        }

        await RunAsync(RunningName, "-d", "/bin/sh", "-c", "while true; do sleep 1; done");
        await RunAsync(StoppedName, "/bin/true");
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _containers)
        {
            await EngineTestPodman.TryRunAsync("rm", "-f", "-t", "0", name);
        }

        await EngineTestPodman.TryRunAsync("rmi", "-f", Image);
        if (_service is { HasExited: false })
        {
            _service.Kill();
            await _service.WaitForExitAsync();
        }

        _service?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Creates (does not start) one more container of this run; returns its whole id.</summary>
    public async Task<string> CreateAsync(string suffix)
    {
        var name = $"{_run}-{suffix}";
        _containers.Add(name);
        return await EngineTestPodman.RunAsync("create", "--runtime", "runc", "--name", name, Image, "/bin/true");
    }

    /// <summary>What podman's own command line says of a container: id, running, pid.</summary>
    public static async Task<(string Id, bool Running, int Pid)> InspectAsync(string name)
    {
        var fields = (await EngineTestPodman.RunAsync("inspect", "--type", "container", "-f", "{{.Id}} {{.State.Running}} {{.State.Pid}}", name)).Split(' ');
        return (fields[0], bool.Parse(fields[1]), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    // runc with explicit limits: podman's default crun fails on these machines (hybrid cgroups, a low hard NOFILE).
    private async Task RunAsync(string name, params string[] command)
    {
        _containers.Add(name);
        await EngineTestPodman.RunAsync(
            ["run", "--runtime", "runc", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", "--name", name,
             .. command.TakeWhile(a => a.StartsWith('-')), Image, .. command.SkipWhile(a => a.StartsWith('-'))]);
    }

    private async Task BuildImageAsync()
    {
        if (!File.Exists(Busybox))
        {
            throw new InvalidOperationException($"These tests build their image from a static {Busybox}: apt-get install -y busybox-static");
        }

        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "bin/"));
            await writer.WriteEntryAsync(Busybox, "bin/busybox");
            foreach (var applet in new[] { "sh", "true", "sleep" })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" });
            }
        }

        tar.Position = 0;
        await EngineTestPodman.RunWithInputAsync(tar, "import", "-", Image);
    }
}
