using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Ports;
using Tracing.Sources;

namespace Tracing.Interop.Linux.Netlink;

/// <summary>
/// Process facts from the Linux proc connector (netlink <c>NETLINK_CONNECTOR</c>, cn_proc), received on a
/// dedicated thread. Start waits for the kernel to confirm the subscription and fails clearly without it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class ProcConnectorEventSource : IKernelEventSource, IDisposable
{
    private const int HandshakeReceiveBufferBytes = 1024 * 1024;
    private readonly ProcConnectorOptions _options;
    private readonly ILogger _logger;
    private readonly SourceThread _thread = new("cn_proc receive", "proc connector source");

    // Guards _socket, which a stop wakes while the receive thread may be opening it.
    private readonly Lock _gate = new();
    private ProcConnectorSocket? _socket;
    private volatile ForkLedgerSocket? _forks;
    private volatile bool _stopping;

    /// <summary>Creates the source.</summary>
    public ProcConnectorEventSource(ProcConnectorOptions? options = null, ILogger<ProcConnectorEventSource>? logger = null)
    {
        _options = options ?? new ProcConnectorOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task Completion => _thread.Completion;

    /// <summary>The receive buffer the kernel granted, in bytes (0 when the request was refused and the default applies).</summary>
    public int ReceiveBufferBytes => _socket?.ReceiveBufferBytes ?? 0;

    /// <summary>True when the kernel filters events for this socket (Linux 6.6 and later honour the request).</summary>
    public bool KernelFilterRequested { get; private set; }

    /// <summary>The kernel id of the receive thread once started (for tests).</summary>
    internal int ReceiveThreadId { get; private set; }

    /// <summary>The side socket of forks while it is open (for tests).</summary>
    internal ForkLedgerSocket? ForkLedger => _forks;

    /// <summary>True when the receive thread runs with real-time priority (see <see cref="ProcConnectorOptions.RealtimePriority"/>).</summary>
    public bool RealtimePriorityGranted { get; private set; }

    /// <inheritdoc />
    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return _thread.StartAsync(
            () => _stopping = false,
            started => Run(sink, interest, started),
            () => StopAsync(CancellationToken.None),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask StopAsync(CancellationToken cancellationToken) => _thread.StopAsync(
        () =>
        {
            _stopping = true;
            lock (_gate)
            {
                _socket?.Wake();
            }
        },
        cleanUp: null,
        cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>Stops synchronously, for containers disposed with <c>using</c>.</summary>
    public void Dispose() => StopAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private void Run(IKernelEventSink sink, KernelEventInterest interest, TaskCompletionSource started)
    {
        ProcConnectorSocket socket;
        try
        {
            ReceiveThreadId = global::Interop.Libc.GetTid();
            ReceivePathWarmUp.Run(new SequenceGapCounter());
            sink.Prepare();
            // A roomy buffer while subscribing, so other listeners' events do not crowd out the kernel's reply.
            socket = ProcConnectorSocket.Open(Math.Max(_options.ReceiveBufferBytes, HandshakeReceiveBufferBytes));
            lock (_gate)
            {
                _socket = socket;
                if (_stopping)
                {
                    socket.Wake();
                }
            }
        }
        catch (Exception e)
        {
            started.TrySetException(e);
            _thread.Complete();
            return;
        }

        var subscribed = false;
        ForkLedgerSocket? forks = null;
        Exception? failure = null;
        if (_options.RealtimePriority > 0)
        {
            // Best effort: a thread that wakes first reads argv before a short-lived process is gone.
            RealtimePriorityGranted = global::Interop.Libc.SchedSetScheduler(0, global::Interop.Libc.SCHED_FIFO, _options.RealtimePriority) == 0;
            if (!RealtimePriorityGranted)
            {
                Log.RealtimeRefused(_logger);
            }
        }

        try
        {
            Subscribe(socket, interest);
            subscribed = true;
            var countGaps = interest == KernelEventInterest.All || !KernelFilterRequested;

            // While the buffer is still roomy enough for one event per CPU.
            var primedThread = countGaps && SequencePrimer.Prime() ? ReceiveThreadId : 0;
            if (_options.ReceiveBufferBytes < HandshakeReceiveBufferBytes)
            {
                socket.SetReceiveBuffer(_options.ReceiveBufferBytes);
            }

            if (_options.ReceiveBufferBytes > 0 && socket.ReceiveBufferBytes == 0)
            {
                Log.ReceiveBufferRefused(_logger, _options.ReceiveBufferBytes);
            }

            Log.Subscribed(_logger, socket.ReceiveBufferBytes, KernelFilterRequested);
            forks = OpenForkLedger(interest);
            _forks = forks;

            started.TrySetResult();
            ReceiveLoop(socket, sink, countGaps, forks, primedThread);
        }
        catch (Exception e)
        {
            if (!started.TrySetException(e))
            {
                failure = e;
            }
        }
        finally
        {
            if (subscribed)
            {
                Unsubscribe(socket);
            }

            if (forks is not null)
            {
                _forks = null;
                Unsubscribe(forks.Socket);
                forks.Dispose();
            }

            lock (_gate)
            {
                if (ReferenceEquals(_socket, socket))
                {
                    _socket = null;
                }
            }

            socket.Dispose();
        }

        // Only now, with the subscription ended and the socket closed: a stop that returns leaves nothing open, and a
        // start right after it cannot have its new socket forgotten by this thread's clean-up.
        _thread.Complete(failure);
    }

    /// <summary>
    /// Without fork events of its own (exec-only interest), the receive path learns parents from a side socket of
    /// process forks and exits it never waits on (see <see cref="ForkLedger"/>); null when the interest has forks, when disabled, or
    /// when the side socket cannot be had (then parents come from the process reader, as before).
    /// </summary>
    private ForkLedgerSocket? OpenForkLedger(KernelEventInterest interest)
    {
        if (!_options.ParentsFromForks || interest.HasFlag(KernelEventInterest.Fork))
        {
            return null;
        }

        ProcConnectorSocket? side = null;
        var subscribed = false;
        try
        {
            side = ProcConnectorSocket.Open(ForkLedgerSocket.ReceiveBufferBytes);
            // Exits too: a forker that ended before its child exec'd re-parented it.
            Subscribe(side, KernelEventInterest.Fork | KernelEventInterest.Exit);
            subscribed = true;

            // After the handshake, whose reply is neither: from now on thread creations and exits are not even queued.
            var forks = new ForkLedgerSocket(side) { ThreadsFiltered = WholeProcessFilter.TryAttach(side) };

            // Compiles the drain on this thread now, not when the first exec is waiting for it.
            forks.Drain(new ForkLedger());
            Log.ForkLedgerOpened(_logger);
            return forks;
        }
        catch (Exception e) when (e is IOException or TracingUnavailableException or UnauthorizedAccessException)
        {
            if (subscribed)
            {
                Unsubscribe(side!);
            }

            side?.Dispose();
            Log.ForkLedgerUnavailable(_logger, e.Message);
            return null;
        }
    }
}
