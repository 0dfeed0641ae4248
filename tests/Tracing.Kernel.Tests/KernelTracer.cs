using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests;

/// <summary>A real tracer, composed exactly as applications compose it, with every event collected.</summary>
internal sealed class KernelTracer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Observed<TraceEvent> _events = new();
    private readonly IDisposable _subscription;

    public KernelTracer(
        ExecTraceFilter filter, bool includeExits = true, Action<IServiceCollection>? services = null, ExecDetails details = ExecDetails.All,
        ExecTracingSource source = ExecTracingSource.Auto)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        _services = collection
            .AddExecTracing(o =>
            {
                o.Filter = filter;
                o.IncludeExits = includeExits;
                o.Details = details;
                o.Source = source;
            })
            .BuildServiceProvider();
        Tracer = _services.GetRequiredService<ExecTracer>();
        _subscription = Tracer.Subscribe(_events.Add);
    }

    public ExecTracer Tracer { get; }

    public IReadOnlyList<TraceEvent> Events => _events.Snapshot();

    public IEnumerable<ExecEvent> Execs => Events.OfType<ExecEvent>();

    public static string NewMarker() => "tracing-test-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Waits until an event satisfies <paramref name="predicate"/>: true as soon as one is delivered, false only when
    /// <paramref name="bound"/> passed first, which fails the test that waits.
    /// </summary>
    public async Task<bool> WaitForAsync(Func<TraceEvent, bool> predicate, TimeSpan bound)
    {
        try
        {
            await _events.FirstAsync(predicate, bound);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds of every event delivered so far, checked after each one.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<TraceEvent>, bool> condition, TimeSpan bound)
    {
        try
        {
            await _events.UntilAsync(condition, bound);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await Tracer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
