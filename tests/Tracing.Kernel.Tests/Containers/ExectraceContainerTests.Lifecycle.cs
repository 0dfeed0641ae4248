using Tracing.Kernel.Tests.Cli;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>A traced container that stops ends tracing by itself; one that does not run, or does not exist, is refused.</summary>
public partial class ExectraceContainerTests
{
    [Theory]
    [InlineData("bpf", "stop")]
    [InlineData("proc-connector", "stop")]
    [InlineData("bpf", "rm")]
    [InlineData("proc-connector", "rm")]
    public async Task When_the_traced_container_stops_exectrace_ends_by_itself_with_0(string source, string how)
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("stops");
        var marker = NewMarker("alive");

        await using var exectrace = await TraceAsync(source, "--container", container.Name);
        await podman.HoldAsync(container, marker);
        await exectrace.ReadUntilAsync(l => l.EndsWith($" {marker}", StringComparison.Ordinal));
        if (how == "stop")
        {
            // SIGTERM, which the container's init traps to exit 0: a clean stop, the container left behind stopped.
            var stop = await BoundedProcess.RunAsync("podman", ["stop", "-t", "10", container.Name], Podman.Bound);
            Assert.True(stop.ExitCode == 0, stop.ToString());
        }
        else
        {
            await podman.StopAsync(container);
        }

        // Bounded by the session: past it exectrace is killed and the wait fails with what it printed.
        var (exitCode, lines, errors) = await exectrace.WaitForExitAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}\n{string.Join('\n', lines)}");
        Assert.Contains($"container {container.Name} stopped", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_container_that_exists_but_is_not_running_is_refused_with_3(string source)
    {
        await using var podman = await Podman.StartAsync();
        var (id, name) = await podman.CreateAsync("created");

        var byName = await ExectraceProcess.RunAsync("--source", source, "--container", name, "--engine-socket", Podman.ApiSocket);
        var byId = await ExectraceProcess.RunAsync("--source", source, "--container", id[..12], "--engine-socket", Podman.ApiSocket);

        Assert.True(byName.ExitCode == 3, $"exit code {byName.ExitCode}; stderr: {byName.Errors}");
        Assert.Contains(name, byName.Errors, StringComparison.Ordinal);
        Assert.Contains("not running", byName.Errors, StringComparison.Ordinal);
        Assert.True(byId.ExitCode == 3, $"exit code {byId.ExitCode}; stderr: {byId.Errors}");
        Assert.Contains(name, byId.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_container_that_does_not_exist_is_refused_with_2(string source)
    {
        // The engine is there to ask: the name is unknown to it, not unaskable.
        await using var podman = await Podman.StartAsync();
        var name = NewMarker("tracing-absent");

        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("--source", source, "--container", name, "--engine-socket", Podman.ApiSocket);

        Assert.True(exitCode == 2, $"exit code {exitCode}; stderr: {errors}");
        Assert.Contains(name, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("no container engine", errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
