using System.Diagnostics;
using Tracing.Ports;

namespace Tracing.Hosting.Platform;

/// <summary>A monotonic clock from <see cref="Stopwatch"/>, for platforms without a kernel event clock.</summary>
internal sealed class StopwatchClock : IMonotonicClock
{
    public long NowNanoseconds => (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
}
