using Microsoft.Extensions.Logging;

namespace Tracing.Linux.Bpf.Source;

internal static partial class Log
{
    [LoggerMessage(240, LogLevel.Debug, "eBPF source attached: {Programs} programs, a ring buffer of {RingBytes} bytes, argv captured up to {ArgvBytes} bytes.")]
    public static partial void Attached(ILogger logger, int programs, int ringBytes, int argvBytes);

    [LoggerMessage(241, LogLevel.Error, "{Count} ring-buffer records of the eBPF source did not decode (a layout the reader does not know): their events are lost.")]
    public static partial void Undecodable(ILogger logger, long count);

    [LoggerMessage(244, LogLevel.Warning, "The eBPF receive thread runs at normal priority: SCHED_FIFO was refused (needs CAP_SYS_NICE or root); short-lived processes may lose their executable and working directory under load (argv is captured in the kernel).")]
    public static partial void RealtimeRefused(ILogger logger);

    [LoggerMessage(245, LogLevel.Debug, "The cgroup {Cgroup} is decided in user space, not in the kernel: {Reason}.")]
    public static partial void NotNarrowed(ILogger logger, string cgroup, string reason);

    [LoggerMessage(242, LogLevel.Information, "Kernel event source: eBPF ({Reason}).")]
    public static partial void SourceChosen(ILogger logger, string reason);

    [LoggerMessage(243, LogLevel.Warning, "Kernel event source: the proc connector, since eBPF cannot run here ({Reason}). Argv is then read from /proc after each exec and can be lost to a process that ends at once; --source proc-connector (ExecTracing:Source=ProcConnector) chooses it without this warning.")]
    public static partial void FellBack(ILogger logger, string reason);
}
