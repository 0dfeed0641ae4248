namespace Tracing.Interop.Linux.Netlink;

/// <summary>Settings of the Linux proc connector event source.</summary>
public sealed class ProcConnectorOptions
{
    /// <summary>How long to wait for the kernel to confirm the subscription. Default: 2 seconds.</summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The socket receive buffer to ask for, in bytes; larger survives longer bursts. Default: 4 MiB.</summary>
    public int ReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The SCHED_FIFO priority (1-99) of the receive thread, so it reads argv before short-lived processes vanish;
    /// 0 keeps normal scheduling. Needs CAP_SYS_NICE (or root); without it the thread keeps normal priority. Default: 10.
    /// </summary>
    public int RealtimePriority { get; set; } = 10;

    /// <summary>
    /// When the tracer needs only exec events, learn each exec'ing process's parent from fork events queued on a second
    /// socket that the receive thread drains on each exec instead of waiting on it: no extra wake-up, and no pidfd or
    /// <c>/proc</c> read for the parent. Default: true.
    /// </summary>
    public bool ParentsFromForks { get; set; } = true;
}
