using Microsoft.Extensions.Logging;
using Tracing.Linux.Netlink;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>
/// A logger that holds the thread that logs the record named <paramref name="eventName"/> (the first time) until
/// released: a point in the receive thread's steps that a test can act at.
/// </summary>
internal sealed class HoldingLogger(string eventName) : ILogger<ProcConnectorEventSource>, IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private int _held;

    /// <summary>Set once the record was logged and the thread that logged it waits.</summary>
    public ManualResetEventSlim Holding { get; } = new();

    public void Release() => _release.Set();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name == eventName && Interlocked.Exchange(ref _held, 1) == 0)
        {
            Holding.Set();
            _release.Wait(TimeSpan.FromSeconds(30));
        }
    }

    public void Dispose()
    {
        _release.Dispose();
        Holding.Dispose();
    }
}
