using Microsoft.Extensions.Logging;

namespace Tracing.Cli.Logging;

/// <summary>
/// The <see cref="ILogger{TCategoryName}"/> the library's types ask for, named as Microsoft.Extensions.Logging names
/// it (the type's full name, nested types joined by a dot), written by <see cref="StderrLoggerProvider"/>. It stands in
/// for <c>AddLogging</c>'s <c>Logger&lt;T&gt;</c> and <c>LoggerFactory</c>, whose options and filter rules the container
/// builds through reflection: in Native AOT that was start-up allocation (and RSS) for no line written.
/// </summary>
/// <typeparam name="T">The category.</typeparam>
internal sealed class CategoryLogger<T>(StderrLoggerProvider provider) : ILogger<T>
{
    private readonly ILogger _logger = provider.CreateLogger(typeof(T).FullName!.Replace('+', '.'));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _logger.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _logger.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _logger.Log(logLevel, eventId, state, exception, formatter);
}
