using System.Diagnostics;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// Environments the kernel refuses, made for real with unshare(1): exectrace fails fast, naming cause and remedy, and
/// never runs the command it was asked to trace. (EPERM and a missing proc connector cannot be made on this kernel;
/// tests/Tracing.Interop.Linux.Tests/Interop/InteropErrorsTests covers their messages.)
/// </summary>
public class ExectraceRefusedTests
{
    // Both sources: each names processes by the initial namespaces' ids, so each is refused the same way.
    [Theory]
    [InlineData("bpf", "--pid --fork", "its PID namespace (pid:[")]
    [InlineData("proc-connector", "--pid --fork", "its PID namespace (pid:[")]
    [InlineData("bpf", "--user --map-root-user", "its user namespace (user:[")]
    [InlineData("proc-connector", "--user --map-root-user", "its user namespace (user:[")]
    [InlineData("bpf", "--user --map-root-user --pid --fork", "its PID namespace (pid:[")]
    [InlineData("proc-connector", "--user --map-root-user --pid --fork", "its PID namespace (pid:[")]
    public async Task Inside_a_pid_or_user_namespace_it_is_refused_before_subscribing(string source, string namespaces, string named)
    {
        var (exitCode, errors, commandRan, elapsed) = await RunUnsharedAsync(namespaces.Split(' '), "--source", source);

        Assert.Equal(1, exitCode);
        Assert.Contains(source == "bpf" ? "traces only from the initial PID and user namespaces" : "only to listeners in the initial PID and user namespaces", errors, StringComparison.Ordinal);
        Assert.Contains("this process appears to run inside a container", errors, StringComparison.Ordinal);
        Assert.Contains(named, errors, StringComparison.Ordinal);
        Assert.Contains("--pid=host", errors, StringComparison.Ordinal);
        // The privileges named are the source's own.
        Assert.Contains(source == "bpf" ? "CAP_BPF and CAP_PERFMON" : "CAP_NET_ADMIN", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("did not answer", errors, StringComparison.Ordinal);
        Assert.False(commandRan, "the command ran although tracing was refused");

        // Refused before subscribing: no wait for the 2 s subscription timeout (the runtime's start-up is most of this).
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    // One source only: the subject is the proc connector's refusal (the next test is eBPF's success there).
    [Fact]
    public async Task Inside_a_network_namespace_ECONNREFUSED_from_the_proc_connector_is_a_clear_error()
    {
        var (exitCode, errors, commandRan, _) = await RunUnsharedAsync(["--net"], "--source", "proc-connector");

        Assert.Equal(1, exitCode);
        Assert.Contains("Subscribing to the proc connector failed", errors, StringComparison.Ordinal);
        Assert.Contains("initial network namespace", errors, StringComparison.Ordinal);
        Assert.Contains("--network host", errors, StringComparison.Ordinal);
        Assert.False(commandRan, "the command ran although tracing was refused");
    }

    [Fact]
    public async Task Inside_a_network_namespace_the_eBPF_source_traces_the_command()
    {
        // The proc connector is the initial network namespace's; eBPF programs are not tied to one.
        var (exitCode, errors, commandRan, _, output) = await RunUnsharedWithOutputAsync(["--net"], "--source", "bpf");

        Assert.True(exitCode == 0, errors);
        Assert.True(commandRan, "the command did not run");
        Assert.Contains("/bin/sh -c 'touch ", output, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>exectrace -- /bin/sh -c 'touch file'</c> under <c>unshare</c>.</summary>
    private static async Task<(int ExitCode, string Errors, bool CommandRan, TimeSpan Elapsed)> RunUnsharedAsync(string[] namespaces, params string[] options)
    {
        var (exitCode, errors, ran, elapsed, _) = await RunUnsharedWithOutputAsync(namespaces, options);
        return (exitCode, errors, ran, elapsed);
    }

    private static async Task<(int ExitCode, string Errors, bool CommandRan, TimeSpan Elapsed, string Output)> RunUnsharedWithOutputAsync(string[] namespaces, params string[] options)
    {
        var witness = Path.Join(Path.GetTempPath(), "tracing-refused-" + Guid.NewGuid().ToString("N"));
        var exectrace = ExectraceProcess.StartInfo([.. options, "--", "/bin/sh", "-c", $"touch {witness}"]);
        var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in namespaces)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add(exectrace.FileName);
        foreach (var argument in exectrace.ArgumentList)
        {
            info.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        var ran = File.Exists(witness);
        File.Delete(witness);
        return (process.ExitCode, await errors, ran, stopwatch.Elapsed, await output);
    }
}
