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

    /// <summary>The ledger every drain feeds: the one the receive thread completes execs from.</summary>
    public ForkLedger Ledger { get; } = new();

    /// <summary>Records every queued fork and exit into <see cref="Ledger"/>.</summary>
    public void Drain()
    {
        while (Record(Socket.ReceiveBatch(_batch, wait: false), _batch, Ledger, _logger))
        {
        }
    }

    /// <summary>
    /// Records what one receive took into <paramref name="ledger"/>; true while more may be queued (a full batch, an
    /// overflow). The warm-up runs it on a made-up datagram, so that the first drain waits for no JIT.
    /// </summary>
    internal static bool Record(ReceiveStatus status, DatagramBatch batch, ForkLedger ledger, ILogger logger)
    {
        switch (status)
        {
            case ReceiveStatus.Datagram:
                for (var i = 0; i < batch.Count; i++)
                {
                    ledger.Feed(batch[i]);
                }

                return batch.Count == DatagramBatch.Slots;
            case ReceiveStatus.Overflow:
                // Some forks were dropped: execs whose fork is not in the ledger ask the pidfd instead.
                ledger.Forget();
                Log.ForkLedgerOverflowed(logger);
                return true;
            default:
                return false;
        }
    }

    public void Dispose()
    {
        Socket.Dispose();
        _batch.Dispose();
    }
}
