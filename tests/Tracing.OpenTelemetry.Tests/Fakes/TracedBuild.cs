using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry.Tests.Fakes;

/// <summary>
/// A real tracer over the fake kernel and /proc of the Core tests, and a small build to feed it: make (200) forks a
/// subshell (201) that never execs, whose child cc (202) fails with 1; then make re-execs itself and runs on.
/// </summary>
internal sealed class TracedBuild : IAsyncDisposable
{
    private const int Self = 100;
    private readonly IMonotonicClock _clock = Substitute.For<IMonotonicClock>();

    public TracedBuild()
    {
        _clock.NowNanoseconds.Returns(50_000_000_000);
        Processes.Add(1, 0, "init", "/sbin/init");
        Processes.Add(Self, 1, "tracer", "tracer");
        Processes.Add(200, 1, "make", "make", "-j4").ExecutablePath = "/usr/bin/make";
        Processes.Add(201, 200, "make");
        Processes.Add(202, 201, "cc", "cc", "-c", "main.c").ExecutablePath = "/usr/bin/cc";
    }

    /// <summary>Records the build makes: three execs and cc's exit.</summary>
    public const int Records = 4;

    /// <summary>Spans the build makes: make, cc, and make after its re-exec.</summary>
    public const int Spans = 3;

    public FakeKernelEventSource Kernel { get; } = new();

    public ProcessTable Processes { get; } = new(Self);

    public ExecTracer CreateTracer(ExecTracerMetrics? metrics = null, bool failedExecs = false) =>
        new(Kernel, Processes.Reader, _clock, new ExecTracingOptions { IncludeExits = true, IncludeFailedExecs = failedExecs }, metrics: metrics);

    public void Run()
    {
        Kernel.Fork(1, 200, 1_000_000_000);
        Kernel.Exec(200, 1_000_100_000);
        Kernel.Fork(200, 201, 1_200_000_000);
        Kernel.Fork(201, 202, 1_300_000_000);
        Kernel.Exec(202, 1_300_050_000);
        Kernel.Exit(202, status: 1 << 8, timestampNs: 2_000_000_000, parentPid: 201);
        Kernel.Exit(201, status: 1 << 8, timestampNs: 2_100_000_000, parentPid: 200);
        Kernel.Exec(200, 3_000_000_000);
    }

    public ValueTask DisposeAsync() => Kernel.DisposeAsync();
}
