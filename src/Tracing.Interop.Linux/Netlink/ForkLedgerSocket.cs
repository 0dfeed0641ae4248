using Microsoft.Extensions.Logging;

namespace Tracing.Linux.Netlink;

/// <summary>
/// The side socket that feeds a <see cref="ForkLedger"/>: subscribed to fork and exit events only (whole processes,
/// when the kernel takes <see cref="WholeProcessFilter"/>), never waited on, drained without blocking when the receive
/// thread needs parents.
/// </summary>
internal sealed class ForkLedgerSocket : IDisposable
{
    /// <summary>Room for about 1,200 processes forked and ended between two execs (the kernel charges ~830 bytes per queued event); past that, an overflow: the ledger starts over.</summary>
    public const int ReceiveBufferBytes = 2 * 1024 * 1024;

    private readonly DatagramBatch _batch = new();
    private readonly ILogger _logger;

    public ForkLedgerSocket(ProcConnectorSocket socket, ILogger logger)
    {
        Socket = socket;
        _logger = logger;
    }

    public ProcConnectorSocket Socket { get; }

    /// <summary>Records every queued fork and exit into <paramref name="ledger"/>.</summary>
    public void Drain(ForkLedger ledger)
    {
        while (true)
        {
            switch (Socket.ReceiveBatch(_batch, wait: false))
            {
                case ReceiveStatus.Datagram:
                    for (var i = 0; i < _batch.Count; i++)
                    {
                        ledger.Feed(_batch[i]);
                    }

                    if (_batch.Count < DatagramBatch.Slots)
                    {
                        return;
                    }

                    continue;
                case ReceiveStatus.Overflow:
                    // Some forks were dropped: execs whose fork is not in the ledger ask the pidfd instead.
                    ledger.Forget();
                    Log.ForkLedgerOverflowed(_logger);
                    continue;
                default:
                    return;
            }
        }
    }

    public void Dispose()
    {
        Socket.Dispose();
        _batch.Dispose();
    }
}
