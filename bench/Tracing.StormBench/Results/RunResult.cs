using Tracing.StormBench.Otlp;

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
    int Round,
    OtlpCounts? Otlp = null,
    double? ReceiverCpuSeconds = null,
    int? ExecsTraced = null)
{
    public double DeliveredPercent => 100.0 * Delivered / Count;

    public double ArgvCompletePercent => 100.0 * ArgvComplete / Count;

    public double CpuMicrosecondsPerExec => CpuSeconds * 1e6 / Count;

    /// <summary>
    /// CPU per exec the tracer saw in the measured window (the storm's and the rest of the machine's, exectrace
    /// <c>--json</c> only); NaN otherwise.
    /// </summary>
    public double CpuMicrosecondsPerTracedExec => ExecsTraced is int n && n > 0 ? CpuSeconds * 1e6 / n : double.NaN;

    /// <summary>OTLP body bytes (logs and spans) the null receiver took, per exec of the storm; NaN without export.</summary>
    public double OtlpBytesPerExec => Otlp is { } otlp ? (double)otlp.Bytes / Count : double.NaN;

    /// <summary>The null receiver's own CPU time per exec of the storm; NaN without export.</summary>
    public double ReceiverMicrosecondsPerExec => ReceiverCpuSeconds is { } cpu ? cpu * 1e6 / Count : double.NaN;
}
