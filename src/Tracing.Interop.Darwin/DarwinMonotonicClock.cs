using System.Diagnostics;
using Tracing.Ports;

namespace Tracing.Darwin;

/// <summary>
/// The clock the poller stamps its events with. On macOS <see cref="Stopwatch"/> reads the kernel's monotonic
/// uptime clock (mach_absolute_time, in nanoseconds); the poller and the tracer use the same clock, so no
/// kernel timestamp needs translating.
/// </summary>
internal sealed class DarwinMonotonicClock : IMonotonicClock
{
    private static readonly double s_nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;

    /// <inheritdoc />
    public long NowNanoseconds => Stopwatch.Frequency == 1_000_000_000
        ? Stopwatch.GetTimestamp()
        : (long)(Stopwatch.GetTimestamp() * s_nanosecondsPerTick);
}
