using System.Diagnostics;
using Tracing.Ports;

namespace Tracing.Linux;

/// <summary><c>CLOCK_MONOTONIC</c>, the clock cn_proc stamps events with; on Linux <see cref="Stopwatch"/> reads exactly it.</summary>
internal sealed class LinuxMonotonicClock : IMonotonicClock
{
    private static readonly double s_nanosecondsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;

    /// <inheritdoc />
    public long NowNanoseconds => Stopwatch.Frequency == 1_000_000_000
        ? Stopwatch.GetTimestamp()
        : (long)(Stopwatch.GetTimestamp() * s_nanosecondsPerTick);
}
