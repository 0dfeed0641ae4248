using System.Diagnostics;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>exectrace run inside a container fails at once, naming why and what to do, and never runs its command.</summary>
public partial class ExectraceContainerTests
{
    [Theory]
    // Its own PID namespace (and network one): either source is refused before it starts.
    [InlineData("bpf", "", "initial PID and user namespaces", "--pid=host")]
    [InlineData("proc-connector", "", "initial PID and user namespaces", "--pid=host")]
    [InlineData("bpf", "--network=host", "initial PID and user namespaces", "--pid=host")]
    [InlineData("proc-connector", "--network=host", "initial PID and user namespaces", "--pid=host")]
    // The host's PID namespace, its own network namespace: the kernel refuses the proc connector's subscription there;
    // eBPF is not tied to a network namespace, and is refused for the capabilities a container is not given.
    [InlineData("bpf", "--pid=host", "was refused (Operation not permitted)", "CAP_BPF and CAP_PERFMON")]
    [InlineData("proc-connector", "--pid=host", "initial network namespace", "--network host")]
    public async Task Inside_a_container_exectrace_fails_fast_naming_the_cause_and_the_remedy(string source, string runOptions, string cause, string remedy)
    {
        await using var podman = await Podman.StartAsync();
        var marker = NewMarker("command-ran");

        var stopwatch = Stopwatch.StartNew();
        var result = await podman.RunExectraceAsync(["--source", source, "--", "/bin/echo", marker], runOptions.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        stopwatch.Stop();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(cause, result.Errors, StringComparison.Ordinal);
        Assert.Contains(remedy, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, result.Output, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}: {result}");
    }
}
