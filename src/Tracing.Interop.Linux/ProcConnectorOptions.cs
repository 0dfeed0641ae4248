using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux;

/// <summary>
/// Settings of the Linux proc connector event source. Through <c>AddExecTracing()</c> they come from the configuration
/// section <c>ExecTracing:ProcConnector</c> and are validated on start against the ranges below.
/// </summary>
public sealed class ProcConnectorOptions
{
    /// <summary>How long to wait for the kernel to confirm the subscription. Default: 2 seconds; 1 ms to 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00", ParseLimitsInInvariantCulture = true)]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The TimeSpan range is read by the generated validator in Tracing.Hosting, which parses it with TimeSpan.TryParse; no TypeConverter runs.")]
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The socket receive buffer to ask for, in bytes; larger survives longer bursts. 0 keeps the 1 MiB the
    /// subscription uses. Default: 4 MiB; not negative.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int ReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The SCHED_FIFO priority (1-99) of the receive thread, so it reads argv before short-lived processes vanish;
    /// 0 keeps normal scheduling. Needs CAP_SYS_NICE (or root); without it the thread keeps normal priority. Default: 10.
    /// </summary>
    [Range(0, 99)]
    public int RealtimePriority { get; set; } = 10;

    /// <summary>
    /// When the tracer needs only exec events, learn each exec'ing process's parent from fork events queued on a second
    /// socket that the receive thread drains on each exec instead of waiting on it: no extra wake-up, and no pidfd or
    /// <c>/proc</c> read for the parent. Default: true.
    /// </summary>
    public bool ParentsFromForks { get; set; } = true;
}
