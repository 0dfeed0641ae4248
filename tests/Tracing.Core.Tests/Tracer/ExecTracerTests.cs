using System.Threading.Channels;
using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// The tracer over a fake kernel (<see cref="FakeKernelEventSource"/>) and a substitute /proc
/// (<see cref="ProcessTable"/>). The fake pushes events synchronously, so once <see cref="ExecTracer.StopAsync"/>
/// returns every event it accepted has reached the subscribers.
/// </summary>
public sealed partial class ExecTracerTests : IAsyncDisposable
{
    private const int Self = 100;
    private const long ClockNowNs = 50_000_000_000;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private readonly FakeKernelEventSource _source = new();
    private readonly ProcessTable _processes = new(Self);
    private readonly IMonotonicClock _clock = Substitute.For<IMonotonicClock>();

    public ExecTracerTests()
    {
        _clock.NowNanoseconds.Returns(ClockNowNs);
        _processes.Add(1, 0, "init", "/sbin/init");
        _processes.Add(Self, 1, "tracer", "tracer");
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private ExecTracer CreateTracer(Action<ExecTracingOptions>? configure = null, ICommandLauncher? launcher = null)
    {
        var options = new ExecTracingOptions();
        configure?.Invoke(options);
        return new ExecTracer(_source, _processes.Reader, _clock, options, launcher);
    }

    /// <summary>Starts a tracer, runs <paramref name="feed"/> against the fake kernel, stops, and returns what was delivered.</summary>
    private async Task<List<TraceEvent>> TraceAsync(Action feed, Action<ExecTracingOptions>? configure = null, ICommandLauncher? launcher = null)
    {
        await using var tracer = CreateTracer(configure, launcher);
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        feed();
        await tracer.StopAsync();
        return await DrainAsync(reader);
    }

    private static async Task<List<TraceEvent>> DrainAsync(ChannelReader<TraceEvent> reader)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var events = new List<TraceEvent>();
        await foreach (var item in reader.ReadAllAsync(timeout.Token))
        {
            events.Add(item);
        }

        return events;
    }

    private static int[] ExecPids(IEnumerable<TraceEvent> events) => [.. events.OfType<ExecEvent>().Select(e => e.Pid)];
}
