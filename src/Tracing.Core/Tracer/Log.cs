using Microsoft.Extensions.Logging;

namespace Tracing.Tracer;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Exec tracing started ({Filter}); tracking {Tracked} processes.")]
    public static partial void Started(ILogger logger, string filter, int tracked);

    [LoggerMessage(2, LogLevel.Information, "Exec tracing stopped.")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "The kernel dropped {Count} events; resynchronised the process tree from the system ({Added} processes added).")]
    public static partial void EventsLost(ILogger logger, long count, int added);

    [LoggerMessage(4, LogLevel.Warning, "An event callback threw; tracing continues.")]
    public static partial void CallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "A subscriber's queue is full; {Count} events dropped for it so far.")]
    public static partial void SubscriberDropped(ILogger logger, long count);

    [LoggerMessage(6, LogLevel.Error, "The kernel event source failed; tracing ended.")]
    public static partial void SourceFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Started command {Command} as pid {Pid}.")]
    public static partial void CommandStarted(ILogger logger, string command, int pid);

    [LoggerMessage(8, LogLevel.Information, "What the tracer traced is gone (a container stopped); exec tracing stopped.")]
    public static partial void ScopeEnded(ILogger logger);
}
