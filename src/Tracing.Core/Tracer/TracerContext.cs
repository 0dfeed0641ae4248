using Microsoft.Extensions.Logging;
using Tracing.Ports;

namespace Tracing.Tracer;

/// <summary>What one tracer is made of: its ports, options, logger and metrics, shared by the parts of a run.</summary>
internal sealed class TracerContext(
    IKernelEventSource source,
    IProcessInfoReader reader,
    IMonotonicClock clock,
    ExecTracingOptions options,
    ICommandLauncher? launcher,
    TimeProvider time,
    ILogger logger,
    ExecTracerMetrics metrics,
    IContainerEngine? containerEngine)
{
    /// <summary>
    /// How long the events of a container seen for the first time wait for an engine to name it (the processes are read
    /// at once; only delivery waits). Past it they go unnamed, and the engine is asked again later.
    /// </summary>
    public static readonly TimeSpan ContainerNameWait = TimeSpan.FromSeconds(5);

    public IKernelEventSource Source { get; } = source;

    public IProcessInfoReader Reader { get; } = reader;

    public IMonotonicClock Clock { get; } = clock;

    public ExecTracingOptions Options { get; } = options;

    public ICommandLauncher? Launcher { get; } = launcher;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public ExecTracerMetrics Metrics { get; } = metrics;

    /// <summary>The container engines to ask for names; null when none is configured.</summary>
    public IContainerEngine? ContainerEngine { get; } = containerEngine;

    /// <summary>The wall-clock time of a kernel timestamp (monotonic nanoseconds); now when the kernel gave none.</summary>
    /// <param name="kernelTimestampNs">The kernel's timestamp, in nanoseconds of its monotonic clock; 0 for none.</param>
    /// <returns>The wall-clock time.</returns>
    public DateTimeOffset ToWallClock(long kernelTimestampNs)
    {
        if (kernelTimestampNs == 0)
        {
            return Time.GetUtcNow();
        }

        var age = Clock.NowNanoseconds - kernelTimestampNs;
        return Time.GetUtcNow() - TimeSpan.FromTicks(age / 100);
    }
}
