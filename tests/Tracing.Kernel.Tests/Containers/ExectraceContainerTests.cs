using Tracing.Kernel.Tests.Cli;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>
/// exectrace against real podman containers. The kernel and the containers are the oracle: ids come from
/// <c>podman inspect</c>, pids from what a process prints of itself or from <c>/proc/PID/status</c>, never constants.
/// Each exec a test looks for stays alive until released, so exectrace can always read it; readiness is
/// <c>READY=1</c>, and "nothing else came" is checked up to a sentinel exec that came after.
/// </summary>
public partial class ExectraceContainerTests
{
    /// <summary>
    /// Starts exectrace with <c>--source</c> <paramref name="source"/> and <paramref name="arguments"/>, asking podman's
    /// API for names, and waits for <c>READY=1</c>.
    /// </summary>
    private static Task<ExectraceSession> TraceAsync(string source, params string[] arguments) =>
        ExectraceSession.StartAsync(["--source", source, .. arguments, "--engine-socket", Podman.ApiSocket]);

    /// <summary>Reads JSON lines until the exec whose last argument is <paramref name="marker"/>; every exec read so far, that one last.</summary>
    private static async Task<IReadOnlyList<TracedExec>> ReadExecsUntilAsync(ExectraceSession session, string marker)
    {
        var lines = await session.ReadUntilAsync(l => l.Contains(marker, StringComparison.Ordinal) && TracedExec.Parse(l) is { } e && e.Runs(marker));
        return [.. lines.Select(TracedExec.Parse).OfType<TracedExec>()];
    }

    /// <summary>Asserts <paramref name="exec"/> is attributed to <paramref name="container"/>, as podman named it.</summary>
    private static void AssertIn(RunningContainer container, TracedExec exec)
    {
        Assert.True(exec.Container is not null, $"no container on {exec.Line}");
        Assert.Equal(container.Id, exec.Container.Id);
        Assert.Equal(container.Name, exec.Container.Name);
        Assert.Equal("podman", exec.Container.Engine);
    }

    private static string NewMarker(string what) => $"{what}-{KernelTracer.NewMarker()}";
}
