using Tracing.StormBench.Bpf;
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
    int? ExecsTraced = null,
    double UserTicks = double.NaN,
    double SystemTicks = double.NaN,
    BpfRunTotals? Bpf = null)
{
    public double DeliveredPercent => 100.0 * Delivered / Count;

    public double ArgvCompletePercent => 100.0 * ArgvComplete / Count;

    public double CpuMicrosecondsPerExec => CpuSeconds * 1e6 / Count;

    /// <summary>
    /// The tracer's user-mode CPU per exec: <see cref="CpuMicrosecondsPerExec"/> times the kernel's user share of its
    /// time in the window, from the utime and stime ticks of /proc/PID/stat (<see cref="UserTicks"/>,
    /// <see cref="SystemTicks"/>; sampled at the kernel's timer tick, so only as fine as the number of ticks in the
    /// window); NaN when no tick fell in it.
    /// </summary>
    public double UserMicrosecondsPerExec => UserTicks + SystemTicks > 0 ? CpuMicrosecondsPerExec * UserTicks / (UserTicks + SystemTicks) : double.NaN;

    /// <summary>The tracer's kernel-mode CPU per exec (its own syscalls), the rest of <see cref="CpuMicrosecondsPerExec"/>.</summary>
    public double SysMicrosecondsPerExec => UserTicks + SystemTicks > 0 ? CpuMicrosecondsPerExec * SystemTicks / (UserTicks + SystemTicks) : double.NaN;

    /// <summary>
    /// The tracer's eBPF programs' run time per exec of the storm, spent in the kernel on behalf of the processes that
    /// hit the hooks (in none of the CPU figures above); NaN for a tracer without programs.
    /// </summary>
    public double BpfMicrosecondsPerExec => Bpf is { Programs: > 0 } bpf ? bpf.RunTimeNs / 1e3 / Count : double.NaN;

    /// <summary>Program runs per exec of the storm (fork, exec and exit hooks each run once per event, anyone's).</summary>
    public double BpfRunsPerExec => Bpf is { Programs: > 0 } bpf ? (double)bpf.RunCount / Count : double.NaN;

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
