namespace Tracing.StormBench.Results;

/// <summary>One tracer over one storm.</summary>
internal sealed record RunResult(
    string Tool,
    int InFlight,
    int Count,
    int Delivered,
    int ArgvComplete,
    double CpuSeconds,
    long RssBeforeKiB,
    long RssAfterKiB,
    double? LatencyP50Ms,
    double? LatencyP99Ms,
    double ExecsPerSecond,
    TimeSpan StopTime,
    bool Killed,
    long ReportedLost,
    int Round)
{
    public double DeliveredPercent => 100.0 * Delivered / Count;

    public double ArgvCompletePercent => 100.0 * ArgvComplete / Count;

    public double CpuMicrosecondsPerExec => CpuSeconds * 1e6 / Count;
}
