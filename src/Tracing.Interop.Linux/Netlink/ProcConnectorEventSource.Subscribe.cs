using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Netlink;

internal sealed partial class ProcConnectorEventSource
{
    private const int MaxSubscribeAttempts = 3;

    /// <summary>
    /// Sends the 4-byte LISTEN and waits for the kernel's acknowledgement (a PROC_EVENT_NONE whose ack is ours + 1),
    /// then narrows the subscription to the interest with <c>proc_input</c> (kernels before 6.6 ignore it).
    /// </summary>
    private void Subscribe(ProcConnectorSocket socket, KernelEventInterest interest)
    {
        Span<byte> request = stackalloc byte[CnProcSubscription.ProcInputLength];
        var ack = (uint)Random.Shared.Next(1, int.MaxValue / 2);
        var length = 0;
        for (var attempt = 1; ; attempt++)
        {
            length = CnProcSubscription.WriteListen(request, ack, ack, CnProcSubscription.ProcCnMcastListen);
            socket.Send(request[..length], "Subscribing to the proc connector");

            // Other listeners' events may fill the buffer and crowd out the reply: then ask again.
            if (WaitForAcknowledgement(socket, ack) || attempt == MaxSubscribeAttempts)
            {
                break;
            }

            ack += 2;
            Log.SubscribeRetried(_logger, attempt + 1);
        }

        if (interest != KernelEventInterest.All)
        {
            var mask = (interest.HasFlag(KernelEventInterest.Fork) ? ProcEventWhat.Fork : 0)
                | (interest.HasFlag(KernelEventInterest.Exec) ? ProcEventWhat.Exec : 0)
                | (interest.HasFlag(KernelEventInterest.Exit) ? ProcEventWhat.Exit : 0);
            length = CnProcSubscription.WriteProcInput(request, ack + 1, 0, CnProcSubscription.ProcCnMcastListen, (uint)mask);
            socket.Send(request[..length], "Narrowing the proc connector subscription");
            KernelFilterRequested = true;
        }
    }

    /// <summary>True when the kernel acknowledged; false when the buffer overflowed and the reply may be lost.</summary>
    private bool WaitForAcknowledgement(ProcConnectorSocket socket, uint ack)
    {
        var buffer = new byte[8192];
        var deadline = Environment.TickCount64 + (long)_options.SubscribeTimeout.TotalMilliseconds;
        while (true)
        {
            var remaining = deadline - Environment.TickCount64;
            var received = 0;
            var status = remaining <= 0 ? ReceiveStatus.Timeout : socket.Receive(buffer, (int)remaining, out received);
            switch (status)
            {
                case ReceiveStatus.Timeout:
                    throw new TracingUnavailableException(
                        $"The kernel did not answer the proc connector subscription within {_options.SubscribeTimeout.TotalSeconds:0.#} s. " +
                        "It ignores subscriptions from inside a user or PID namespace (containers, unshare, sandboxes): " +
                        "run the tracing process in the host's namespaces (e.g. on the host, or a container started with --pid=host and without a user namespace).");
                case ReceiveStatus.Woken:
                    throw new OperationCanceledException("Stopped before the kernel answered the subscription.");
                case ReceiveStatus.Overflow:
                    return false;
            }

            var reader = new CnProcMessageReader(buffer.AsSpan(0, received));
            while (reader.TryRead(out var message))
            {
                if (message.HasError && message.Error != 0)
                {
                    throw Interop.GetExceptionForProcConnectorErrno(-message.Error, "Subscribing to the proc connector");
                }

                if (message.HasProcEvent && message.Event.What == ProcEventWhat.None && message.Connector.Acknowledgement == ack + 1)
                {
                    if (message.Event.Err != 0)
                    {
                        throw Interop.GetExceptionForProcConnectorErrno(message.Event.Err, "Subscribing to the proc connector");
                    }

                    return true;
                }
            }
        }
    }

    private static void Unsubscribe(ProcConnectorSocket socket)
    {
        Span<byte> request = stackalloc byte[CnProcSubscription.ListenLength];
        var length = CnProcSubscription.WriteListen(request, 0, 0, CnProcSubscription.ProcCnMcastIgnore);
        try
        {
            socket.Send(request[..length], "Unsubscribing from the proc connector");
        }
        catch (IOException)
        {
            // Closing the socket ends the subscription too.
        }
    }
}
