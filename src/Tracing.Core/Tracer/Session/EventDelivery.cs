using System.Threading.Channels;
using Tracing.Events;

namespace Tracing.Tracer.Session;

/// <summary>
/// Delivers events to a tracer's subscribers: inline handlers and readers' queues on the receive thread itself,
/// callbacks through one queue and a dispatch task per run. The subscriptions outlive runs.
/// </summary>
internal sealed class EventDelivery(TracerContext context)
{
    private readonly SubscriberList _subscribers = new();
    private Channel<TraceEvent>? _pipeline;
    private Task _dispatcher = Task.CompletedTask;
    private long _dropped;

    /// <summary>Events dropped in this run because a subscriber's queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public SubscriberList Subscribers => _subscribers;

    /// <summary>Runs the inline handlers' warm-ups, on the receive thread before the subscription opens.</summary>
    public void WarmUpInlineHandlers()
    {
        foreach (var warmUp in _subscribers.WarmUps)
        {
            try
            {
                warmUp();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.CallbackFailed(context.Logger, e);
            }
        }
    }

    public ChannelReader<TraceEvent> AddReader()
    {
        var options = new BoundedChannelOptions(context.Options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = context.Options.QueueFullMode == QueueFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };

        // With Wait, a full queue refuses TryWrite and Publish counts it; with DropOldest the channel drops and says so here.
        var queue = Channel.CreateBounded<TraceEvent>(options, _ => CountDropped());
        _subscribers.AddReader(queue);
        return queue.Reader;
    }

    /// <summary>Starts a run's dispatch; <paramref name="onFailure"/> hears of a source failure that ended it.</summary>
    /// <param name="onFailure">Called with the failure when a source failure ends the run.</param>
    public void BeginRun(Action<Exception> onFailure)
    {
        Interlocked.Exchange(ref _dropped, 0);
        var pipeline = Channel.CreateBounded<TraceEvent>(new BoundedChannelOptions(context.Options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _pipeline = pipeline;
        _dispatcher = Task.Run(() => DispatchAsync(pipeline, onFailure), CancellationToken.None);
    }

    /// <summary>Ends the run: the readers' queues complete (faulted with <paramref name="failure"/> when given) once the callbacks are done.</summary>
    /// <param name="failure">The source's failure, if the run ended with one.</param>
    /// <returns>A task that completes once the callbacks are done and the readers' queues are completed.</returns>
    public Task EndRunAsync(Exception? failure = null)
    {
        _pipeline?.Writer.TryComplete(failure);
        return _dispatcher;
    }

    /// <summary>Delivers one event; the caller serialises calls (one receive thread, or the session's lock).</summary>
    /// <param name="item">The event.</param>
    public void Publish(TraceEvent item)
    {
        foreach (var handler in _subscribers.InlineHandlers)
        {
            try
            {
                handler(item);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.CallbackFailed(context.Logger, e);
            }
        }

        foreach (var reader in _subscribers.Readers)
        {
            if (!reader.Writer.TryWrite(item) && !reader.Reader.Completion.IsCompleted)
            {
                CountDropped();
            }
        }

        if (_subscribers.Callbacks.Length > 0
            && _pipeline is { } pipeline
            && !pipeline.Writer.TryWrite(item)
            && !pipeline.Reader.Completion.IsCompleted)
        {
            CountDropped();
        }

        context.Metrics.Delivered(item, item.KernelTimestampNs == 0 ? -1 : context.Clock.NowNanoseconds - item.KernelTimestampNs);
    }

    private void CountDropped()
    {
        context.Metrics.SubscriberDropped();
        var dropped = Interlocked.Increment(ref _dropped);
        if ((dropped & (dropped - 1)) == 0)
        {
            Log.SubscriberDropped(context.Logger, dropped);
        }
    }

    private async Task DispatchAsync(Channel<TraceEvent> pipeline, Action<Exception> onFailure)
    {
        Exception? failure = null;
        try
        {
            await foreach (var item in pipeline.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                foreach (var callback in _subscribers.Callbacks)
                {
                    try
                    {
                        callback(item);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        Log.CallbackFailed(context.Logger, e);
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e;
            onFailure(e);
        }

        foreach (var reader in _subscribers.DetachReaders())
        {
            reader.Writer.TryComplete(failure);
        }
    }
}
