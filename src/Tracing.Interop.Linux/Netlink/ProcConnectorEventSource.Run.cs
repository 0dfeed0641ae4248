using Tracing.Ports;

namespace Tracing.Linux.Netlink;

internal sealed partial class ProcConnectorEventSource
{
    /// <summary>
    /// The receive thread, step by step: check the namespaces, warm up, open, raise priority, subscribe, prime the sequence counter, size the
    /// buffer, open the fork ledger, receive until stopped, clean up. Start completes once subscribed, or with the failure.
    /// </summary>
    private void Run(IKernelEventSink sink, KernelEventInterest interest, TaskCompletionSource started)
    {
        ProcConnectorSocket socket;
        try
        {
            NamespaceCheck.ThrowIfNotInitial();
            WarmUp(sink);
            socket = Open();
        }
        catch (Exception e)
        {
            started.TrySetException(e);
            _thread.Complete();
            return;
        }

        RaisePriority();
        var subscribed = false;
        ForkLedgerSocket? forks = null;
        Exception? failure = null;
        try
        {
            Subscribe(socket, interest);
            subscribed = true;
            var countGaps = interest == KernelEventInterest.All || !KernelFilterRequested;

            // Counted from the subscription on: what the kernel dropped after it is a loss of the trace.
            var losses = new LossCounter(new SequenceGapCounter(), countGaps, socket.ReadDrops);
            var primedThread = PrimeSequences(countGaps);
            SizeReceiveBuffer(socket);
            forks = OpenForkLedger(interest);
            started.TrySetResult();
            ReceiveLoop(socket, sink, losses, countGaps, forks, primedThread);
        }
        catch (Exception e)
        {
            // Before start completed the failure is start's; after, the thread's.
            if (!started.TrySetException(e))
            {
                failure = e;
            }
        }
        finally
        {
            CleanUp(socket, subscribed, forks);
        }

        // Only now, with the subscription ended and the socket closed: a stop that returns leaves nothing open, and a
        // start right after it cannot have its new socket forgotten by this thread's clean-up.
        _thread.Complete(failure);
    }

    /// <summary>Compiles the receive path on this thread and lets the sink prepare, before any event can wait on either.</summary>
    private void WarmUp(IKernelEventSink sink)
    {
        ReceiveThreadId = Interop.Libc.GetTid();
        ReceivePathWarmUp.Run(new SequenceGapCounter());
        ReceivePathWarmUp.CompileLoop();
        sink.Prepare();
    }

    /// <summary>Opens the socket where a stop can wake it; a stop that came first wakes it at once.</summary>
    private ProcConnectorSocket Open()
    {
        // A roomy buffer while subscribing, so other listeners' events do not crowd out the kernel's reply.
        var socket = ProcConnectorSocket.Open(Math.Max(_options.ReceiveBufferBytes, HandshakeReceiveBufferBytes));
        lock (_gate)
        {
            _socket = socket;
            if (_stopping)
            {
                socket.Wake();
            }
        }

        return socket;
    }

    /// <summary>Best effort: a thread that wakes first reads argv before a short-lived process is gone.</summary>
    private void RaisePriority()
    {
        if (_options.RealtimePriority <= 0)
        {
            return;
        }

        if (Interop.Libc.SchedSetScheduler(0, Interop.Libc.SCHED_FIFO, _options.RealtimePriority) != 0)
        {
            Log.RealtimeRefused(_logger);
        }
    }

    /// <summary>
    /// Gives the gap counter a starting number on every CPU (see <see cref="SequencePrimer"/>) while the buffer is still
    /// roomy enough for one event per CPU; returns the thread whose COMM events that sent (0: none were).
    /// </summary>
    private int PrimeSequences(bool countGaps) => countGaps && SequencePrimer.Prime() ? ReceiveThreadId : 0;

    /// <summary>Shrinks the handshake's roomy buffer to the one asked for, and says what the kernel granted.</summary>
    private void SizeReceiveBuffer(ProcConnectorSocket socket)
    {
        if (_options.ReceiveBufferBytes < HandshakeReceiveBufferBytes)
        {
            socket.SetReceiveBuffer(_options.ReceiveBufferBytes);
        }

        if (_options.ReceiveBufferBytes > 0 && socket.ReceiveBufferBytes == 0)
        {
            Log.ReceiveBufferRefused(_logger, _options.ReceiveBufferBytes);
        }

        Log.Subscribed(_logger, socket.ReceiveBufferBytes, KernelFilterRequested);
    }

    /// <summary>Ends the subscriptions and closes both sockets, forgetting the main one unless a new start replaced it.</summary>
    private void CleanUp(ProcConnectorSocket socket, bool subscribed, ForkLedgerSocket? forks)
    {
        if (subscribed)
        {
            Unsubscribe(socket);
        }

        if (forks is not null)
        {
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
}
