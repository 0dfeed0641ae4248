using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracing.Tracer;

namespace Tracing.Hosting.DependencyInjection;

/// <summary>
/// A keyed tracer's logger: category <c>Tracing.Tracer.ExecTracer.KEY</c>, so that with several tracers in one host each
/// line says whose it is, and a filter on <c>Tracing.Tracer.ExecTracer</c> (or <c>Tracing</c>) still takes them all.
/// </summary>
internal sealed class KeyedTracerLogger(ILogger inner) : ILogger<ExecTracer>
{
    public static ILogger<ExecTracer>? For(IServiceProvider services, string key) =>
        services.GetService<ILoggerFactory>() is { } factory
            ? new KeyedTracerLogger(factory.CreateLogger($"{typeof(ExecTracer).FullName}.{key}"))
            : null;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
