namespace Tracing.StormBench.Tracers;

/// <summary>How to run one tracer configuration and read what it printed.</summary>
/// <param name="Name">The row label, also what <c>--only</c> matches.</param>
/// <param name="Command">The command line; <c>{out}</c> becomes the output file.</param>
/// <param name="ProcessName">The tracer's comm once running, to know the launcher has exec'd it.</param>
/// <param name="ProbeReady">
/// Ready once a probe exec shows up in the output (exectrace flushes when its queue runs dry); otherwise ready
/// <paramref name="ReadyDelay"/> after it started.
/// </param>
/// <param name="Environment">Variables set for the tracer, beside the harness's own.</param>
/// <param name="ExportsOtlp">It sends OTLP to the harness's null receiver: its requests and bytes are counted per round.</param>
/// <param name="UsesBpf">
/// Its events come from eBPF programs it loads: the round runs with <c>kernel.bpf_stats_enabled=1</c> and the
/// programs' in-kernel run time is read from its fds.
/// </param>
internal sealed record TracerSpec(
    string Name,
    string Family,
    IReadOnlyList<string> Command,
    string ProcessName,
    TracerOutput Output,
    IOutputParser Parser,
    TimeSpan ReadyDelay,
    bool ProbeReady,
    IReadOnlyDictionary<string, string>? Environment = null,
    bool ExportsOtlp = false,
    bool UsesBpf = false)
{
    public bool IsExectrace => Family == "exectrace";
}
