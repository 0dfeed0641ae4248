namespace Tracing.Ports;

/// <summary>The clock the kernel stamps events with, so the tracer can turn kernel timestamps into wall-clock time.</summary>
public interface IMonotonicClock
{
    /// <summary>Now, in nanoseconds of the kernel's event clock (<c>CLOCK_MONOTONIC</c> on Linux).</summary>
    long NowNanoseconds { get; }
}
