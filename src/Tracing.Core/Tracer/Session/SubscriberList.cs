using System.Threading.Channels;
using Tracing.Events;

namespace Tracing.Tracer.Session;

/// <summary>
/// A tracer's subscribers: callbacks, inline handlers (with their warm-ups) and readers' queues. Copy-on-write arrays,
/// so the receive thread reads them without a lock; the subscriptions outlive runs.
/// </summary>
internal sealed class SubscriberList
{
    private readonly Lock _gate = new();
    private Action<TraceEvent>[] _callbacks = [];
    private Action<TraceEvent>[] _inlineHandlers = [];
    private Action[] _warmUps = [];
    private Channel<TraceEvent>[] _readers = [];

    public Action<TraceEvent>[] Callbacks => Volatile.Read(ref _callbacks);

    public Action<TraceEvent>[] InlineHandlers => Volatile.Read(ref _inlineHandlers);

    public Action[] WarmUps => Volatile.Read(ref _warmUps);

    public Channel<TraceEvent>[] Readers => Volatile.Read(ref _readers);

    public IDisposable AddCallback(Action<TraceEvent> callback)
    {
        lock (_gate)
        {
            _callbacks = [.. _callbacks, callback];
        }

        return new Unsubscriber(this, callback, null);
    }

    public IDisposable AddInlineHandler(Action<TraceEvent> handler, Action? warmUp)
    {
        lock (_gate)
        {
            _inlineHandlers = [.. _inlineHandlers, handler];
            if (warmUp is not null)
            {
                _warmUps = [.. _warmUps, warmUp];
            }
        }

        return new Unsubscriber(this, handler, warmUp);
    }

    public void AddReader(Channel<TraceEvent> queue)
    {
        lock (_gate)
        {
            _readers = [.. _readers, queue];
        }
    }

    public void RemoveReader(ChannelReader<TraceEvent> reader)
    {
        lock (_gate)
        {
            _readers = [.. _readers.Where(r => r.Reader != reader)];
        }
    }

    /// <summary>Takes the readers of the run that ended: their queues are completed, and later readers belong to the next run.</summary>
    /// <returns>The run's readers' queues.</returns>
    public Channel<TraceEvent>[] DetachReaders()
    {
        lock (_gate)
        {
            var readers = _readers;
            _readers = [];
            return readers;
        }
    }

    private sealed class Unsubscriber(SubscriberList owner, Action<TraceEvent> subscriber, Action? warmUp) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._callbacks = [.. owner._callbacks.Where(c => c != subscriber)];
                owner._inlineHandlers = [.. owner._inlineHandlers.Where(c => c != subscriber)];
                owner._warmUps = [.. owner._warmUps.Where(w => w != warmUp)];
            }
        }
    }
}
