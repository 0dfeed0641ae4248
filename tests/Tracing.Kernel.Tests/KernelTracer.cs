using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests;

/// <summary>A real tracer, composed exactly as applications compose it, with every event collected.</summary>
internal sealed class KernelTracer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<TraceEvent> _events = [];
    private readonly Lock _gate = new();
    private readonly IDisposable _subscription;

    public KernelTracer(ExecTraceFilter filter, bool includeExits = true, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        _services = collection
            .AddExecTracing(o =>
            {
                o.Filter = filter;
                o.IncludeExits = includeExits;
            })
            .BuildServiceProvider();
        Tracer = _services.GetRequiredService<ExecTracer>();
        _subscription = Tracer.Subscribe(e =>
        {
            lock (_gate)
            {
                _events.Add(e);
            }
        });
    }

    public ExecTracer Tracer { get; }

    public IReadOnlyList<TraceEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IEnumerable<ExecEvent> Execs => Events.OfType<ExecEvent>();

    public static string NewMarker() => "tracing-test-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Waits until an event satisfies <paramref name="predicate"/> or the timeout passes; <paramref name="provoke"/>, when
    /// given, runs between looks (to make the kernel send something).
    /// </summary>
    public async Task<bool> WaitForAsync(Func<TraceEvent, bool> predicate, TimeSpan timeout, Action? provoke = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Events.Any(predicate))
            {
                return true;
            }

            provoke?.Invoke();
            await Task.Delay(10);
        }

        return Events.Any(predicate);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await Tracer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
