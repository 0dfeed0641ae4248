using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Ports;

namespace Tracing.Hosting.Platform;

/// <summary>The source on an operating system Tracing has no backend for: it says so once and emits nothing.</summary>
internal sealed partial class UnsupportedPlatformEventSource(ILogger<UnsupportedPlatformEventSource>? logger = null) : IKernelEventSource
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private TaskCompletionSource _completion = CreateCompletion();

    public Task Completion => _completion.Task;

    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken)
    {
        _completion = CreateCompletion();
        LogUnsupported(_logger, System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellationToken)
    {
        _completion.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    private static TaskCompletionSource CreateCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(100, LogLevel.Warning, "Exec tracing is not supported on {OperatingSystem}: no events will be reported (Linux and macOS are supported).")]
    private static partial void LogUnsupported(ILogger logger, string operatingSystem);
}
