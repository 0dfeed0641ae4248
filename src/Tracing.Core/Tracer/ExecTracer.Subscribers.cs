using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Tracing.Events;

namespace Tracing.Tracer;

public sealed partial class ExecTracer
{
    /// <summary>
    /// Calls <paramref name="callback"/> for every event, in order, on a dispatch thread (never the kernel's
    /// receive thread). A callback that throws is logged and tracing continues. Dispose the result to unsubscribe.
    /// </summary>
    /// <param name="callback">Called with each event.</param>
    /// <returns>Unsubscribes when disposed.</returns>
    /// <exception cref="ObjectDisposedException">The tracer was disposed.</exception>
    public IDisposable Subscribe(Action<TraceEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ThrowIfDisposed();
        return _delivery.Subscribers.AddCallback(callback);
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every event on the kernel receive thread itself, before any queue: the
    /// cheapest and quickest delivery (no thread hop, nothing dropped by a queue), for handlers that return in
    /// microseconds, such as writing a line to a file. While it runs the tracer reads nothing from the kernel, whose
    /// buffer then absorbs the burst (and counts what overflows). One that throws is logged and tracing continues.
    /// Dispose the result to unsubscribe.
    /// </summary>
    /// <param name="handler">Called with each event on the receive thread.</param>
    /// <returns>Unsubscribes when disposed.</returns>
    /// <exception cref="ObjectDisposedException">The tracer was disposed.</exception>
    public IDisposable SubscribeInline(Action<TraceEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfDisposed();
        return _delivery.Subscribers.AddInlineHandler(handler, null);
    }

    /// <summary>
    /// As <see cref="SubscribeInline(Action{TraceEvent})"/>, with a warm-up: <paramref name="warmUp"/> runs once per
    /// run on the receive thread, in the tracer's own warm-up, before the kernel subscription opens, so that the
    /// handler's first real event does not wait for the JIT (or a first-use initialisation) while the process it is
    /// about exits. It must not deliver anything anywhere; one that throws is logged and tracing continues.
    /// </summary>
    /// <param name="handler">Called with each event on the receive thread.</param>
    /// <param name="warmUp">Run once per run before the subscription opens, to warm the handler.</param>
    /// <returns>Unsubscribes when disposed.</returns>
    /// <exception cref="ObjectDisposedException">The tracer was disposed.</exception>
    public IDisposable SubscribeInline(Action<TraceEvent> handler, Action warmUp)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(warmUp);
        ThrowIfDisposed();
        return _delivery.Subscribers.AddInlineHandler(handler, warmUp);
    }

    /// <summary>
    /// A queue of the events of the current run (or of the next one when stopped), completed when that run
    /// stops, or faulted when the kernel source fails. Create it before <see cref="StartAsync"/> to miss nothing.
    /// </summary>
    /// <returns>The reader of the queue.</returns>
    /// <exception cref="ObjectDisposedException">The tracer was disposed.</exception>
    public ChannelReader<TraceEvent> CreateReader()
    {
        ThrowIfDisposed();
        return _delivery.AddReader();
    }

    /// <summary>
    /// The events of the current run (or of the next one, when enumeration begins while the tracer is stopped) as an
    /// async stream, from the moment enumeration begins until that run stops. Events before the first
    /// <c>MoveNextAsync</c> are not in it: to miss nothing from a start, use <see cref="CreateReader"/> before it. In a
    /// hosted service whose loop may begin after the host started the tracer (a <c>BackgroundService</c> runs
    /// <c>ExecuteAsync</c> on the thread pool), make that queue in its constructor.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The tracer was disposed (thrown by this call, before any enumeration).</exception>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events, in order.</returns>
    public IAsyncEnumerable<TraceEvent> ReadEventsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return ReadEvents(cancellationToken);
    }

    private async IAsyncEnumerable<TraceEvent> ReadEvents([EnumeratorCancellation] CancellationToken cancellationToken)
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
            _delivery.Subscribers.RemoveReader(reader);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_state == TracerState.Disposed, this);
}
