using Microsoft.Extensions.Logging;

namespace Tracing.Linux.Netlink;

internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Debug, "Subscribed to the proc connector (receive buffer {ReceiveBufferBytes} bytes, kernel-side filter requested: {Filtered}).")]
    public static partial void Subscribed(ILogger logger, int receiveBufferBytes, bool filtered);

    [LoggerMessage(201, LogLevel.Warning, "The receive thread runs at normal priority: SCHED_FIFO was refused (needs CAP_SYS_NICE or root); short-lived processes may lose their argv under load.")]
    public static partial void RealtimeRefused(ILogger logger);

    [LoggerMessage(202, LogLevel.Warning, "The receive buffer of {Requested} bytes was refused; the kernel's default (about 256 events) applies and bursts may overflow it (SO_RCVBUFFORCE needs CAP_NET_ADMIN).")]
    public static partial void ReceiveBufferRefused(ILogger logger, int requested);

    [LoggerMessage(203, LogLevel.Warning, "The kernel's reply to the subscription was crowded out by other events; asking again (attempt {Attempt}).")]
    public static partial void SubscribeRetried(ILogger logger, int attempt);

    [LoggerMessage(204, LogLevel.Debug, "Parents of exec'ing processes come from a side socket of fork events (thread events dropped by the kernel: {ThreadsFiltered}).")]
    public static partial void ForkLedgerOpened(ILogger logger, bool threadsFiltered);

    [LoggerMessage(205, LogLevel.Debug, "No side socket of fork events ({Reason}); parents of exec'ing processes come from pidfds and /proc.")]
    public static partial void ForkLedgerUnavailable(ILogger logger, string reason);

    [LoggerMessage(206, LogLevel.Debug, "The side socket of fork events overflowed: the forks it held are forgotten, and parents of the execs that follow them come from pidfds and /proc.")]
    public static partial void ForkLedgerOverflowed(ILogger logger);
}
