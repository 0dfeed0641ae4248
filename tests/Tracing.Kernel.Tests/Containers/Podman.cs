using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>
/// Real containers for one test, with podman and the local image <see cref="Image"/>. Each test makes its own: its
/// containers are named after the test plus a random suffix, so tests never collide, and all are removed when it is
/// disposed. The machine is prepared once per test run (<c>.ci/containers.sh</c>) when the image or the API service is
/// missing; when it cannot be, the test fails with the reason, never skips.
/// </summary>
internal sealed partial class Podman : IAsyncDisposable
{
    public const string Image = "localhost/tracing-busybox:1";

    /// <summary>A user that exists in <see cref="Image"/> and nowhere on the host.</summary>
    public const string ContainerUser = "ctruser";

    public const int ContainerUserId = 4242;

    /// <summary>How long a podman command may take before the test fails: generous, for a noisy machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Marks every container a test makes: `podman ps -a --filter label=tracing.test` finds any left behind.
    private const string Label = "tracing.test";

    // crun fails on these machines; runc with limits at or below the hard ones works. Given on every run so that the
    // tests do not depend on containers.conf.
    private static readonly string[] s_runtime = ["--runtime", "runc", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"];

    // The default init waits without running anything: `read` on the stdin `-i` keeps open, until SIGTERM.
    private static readonly string[] s_holdingInit = ["/bin/sh", "-c", "trap 'exit 0' TERM; read hold"];

    private readonly string _prefix;
    private readonly List<string> _names = [];
    private readonly List<BoundedProcess> _execs = [];

    private Podman(string prefix) => _prefix = prefix;

    /// <summary>Prepares the machine if needed (once per test run) and names this test's containers after <paramref name="test"/>.</summary>
    public static async Task<Podman> StartAsync([CallerMemberName] string test = "")
    {
        await EnsureEnvironmentAsync();
        var prefix = string.Concat(test.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        return new("tracing-" + prefix[..Math.Min(prefix.Length, 40)]);
    }

    /// <summary>
    /// Starts a detached container whose init is <paramref name="command"/>, or, without one, a shell that waits
    /// until stopped and runs nothing meanwhile; returns once podman reports its init's pid.
    /// </summary>
    public async Task<RunningContainer> RunAsync(string name, params string[] command)
    {
        var fullName = NewName(name);
        var run = await PodmanAsync(["run", "-d", "-i", "--name", fullName, "--label", Label, .. s_runtime, Image, .. command.Length > 0 ? command : s_holdingInit]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman run {fullName} failed: {run}");
        }

        var inspect = await PodmanAsync(["inspect", "-f", "{{.Id}} {{.State.Pid}}", fullName]);
        var fields = inspect.Output.Split(' ', StringSplitOptions.TrimEntries);
        if (inspect.ExitCode != 0 || fields.Length != 2 || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            var logs = await PodmanAsync(["logs", fullName]);
            throw new InvalidOperationException($"container {fullName} is not running: {inspect}\nits logs: {logs}");
        }

        return new(fields[0], fullName, pid);
    }

    /// <summary>Runs <c>podman exec</c> in <paramref name="container"/>, as <paramref name="user"/> (a name or uid) if given, and waits for it.</summary>
    public async Task<CommandResult> ExecAsync(RunningContainer container, IEnumerable<string> argv, string? user = null)
    {
        using var exec = StartExec(container, argv, user);
        exec.Input.Close();
        return await exec.WaitAsync(Bound);
    }

    /// <summary>
    /// Starts <c>podman exec -i</c> in <paramref name="container"/> and returns at once, so a test can trace it while it
    /// runs: its stdin is the process's (a line releases a <c>read</c>), its stdout lines tell the test it has started.
    /// </summary>
    public BoundedProcess StartExec(RunningContainer container, IEnumerable<string> argv, string? user = null)
    {
        var exec = BoundedProcess.Start("podman", ["exec", "-i", .. user is null ? Array.Empty<string>() : ["--user", user], container.Id, .. argv]);
        _execs.Add(exec);
        return exec;
    }

    /// <summary>Removes <paramref name="container"/> at once (<c>podman rm -f -t 0</c>).</summary>
    public async Task StopAsync(RunningContainer container)
    {
        await RemoveAsync(container.Name);
        _names.Remove(container.Name);
    }

    /// <summary>Ends every <c>podman exec</c> still running and removes every container this test made that is still there.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var exec in _execs)
        {
            exec.Dispose();
        }

        foreach (var name in _names)
        {
            await RemoveAsync(name);
        }

        _names.Clear();
    }

    private static async Task RemoveAsync(string name)
    {
        var rm = await PodmanAsync(["rm", "-f", "-t", "0", "--ignore", name]);
        if (rm.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman rm {name} failed: {rm}");
        }
    }

    private static Task<CommandResult> PodmanAsync(IEnumerable<string> arguments) => BoundedProcess.RunAsync("podman", arguments, Bound);

    // Recorded before the container exists, so that one started by a command that then failed is still removed.
    private string NewName(string name)
    {
        var fullName = $"{_prefix}-{name}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        _names.Add(fullName);
        return fullName;
    }
}
