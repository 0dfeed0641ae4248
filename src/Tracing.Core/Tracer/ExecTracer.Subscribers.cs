using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Tracing.Events;

namespace Tracing.Tracer;

public sealed partial class ExecTracer
{
    private readonly Lock _subscribersGate = new();
    private Action<TraceEvent>[] _callbacks = [];
    private Action<TraceEvent>[] _inlineHandlers = [];
    private Channel<TraceEvent>[] _readers = [];

    /// <summary>
    /// Calls <paramref name="callback"/> for every event, in order, on a dispatch thread (never the kernel's
    /// receive thread). A callback that throws is logged and tracing continues. Dispose the result to unsubscribe.
    /// </summary>
    public IDisposable Subscribe(Action<TraceEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_subscribersGate)
        {
            _callbacks = [.. _callbacks, callback];
        }

        return new Unsubscriber(this, callback);
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every event on the kernel receive thread itself, before any queue: the
    /// cheapest and quickest delivery (no thread hop, nothing dropped by a queue), for handlers that return in
    /// microseconds, such as writing a line to a file. While it runs the tracer reads nothing from the kernel, whose
    /// buffer then absorbs the burst (and counts what overflows). One that throws is logged and tracing continues.
    /// Dispose the result to unsubscribe.
    /// </summary>
    public IDisposable SubscribeInline(Action<TraceEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_subscribersGate)
        {
            _inlineHandlers = [.. _inlineHandlers, handler];
        }

        return new Unsubscriber(this, handler);
    }

    /// <summary>
    /// A queue of the events of the current run (or of the next one when stopped), completed when that run
    /// stops, or faulted when the kernel source fails. Create it before <see cref="StartAsync"/> to miss nothing.
    /// </summary>
    public ChannelReader<TraceEvent> CreateReader()
    {
        var queue = CreateQueue(_options.QueueCapacity);
        lock (_subscribersGate)
        {
            _readers = [.. _readers, queue];
        }

        return queue.Reader;
    }

    /// <summary>The events of the current run as an async stream, from the moment enumeration begins until the run stops.</summary>
    public async IAsyncEnumerable<TraceEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = CreateReader();
        try
        {
            await foreach (var item in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            RemoveReader(reader);
        }
    }

    private void RemoveReader(ChannelReader<TraceEvent> reader)
    {
        lock (_subscribersGate)
        {
            _readers = [.. _readers.Where(r => r.Reader != reader)];
        }
    }

    private Channel<TraceEvent>[] DetachReaders()
    {
        lock (_subscribersGate)
        {
            var readers = _readers;
            _readers = [];
            return readers;
        }
    }

    private sealed class Unsubscriber(ExecTracer owner, Action<TraceEvent> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._subscribersGate)
            {
                owner._callbacks = [.. owner._callbacks.Where(c => c != callback)];
                owner._inlineHandlers = [.. owner._inlineHandlers.Where(c => c != callback)];
            }
        }
    }
}
