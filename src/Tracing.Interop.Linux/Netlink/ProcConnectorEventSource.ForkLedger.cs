using Tracing.Ports;

namespace Tracing.Linux.Netlink;

internal sealed partial class ProcConnectorEventSource
{
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
            var threadsFiltered = WholeProcessFilter.TryAttach(side);
            // Nothing drains it before the receive loop: every fork queued from now on reaches the ledger that loop
            // completes execs from (the drain was compiled in the warm-up, before anything subscribed).
            var forks = new ForkLedgerSocket(side, _logger);
            Log.ForkLedgerOpened(_logger, threadsFiltered);
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
