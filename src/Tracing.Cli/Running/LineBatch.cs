namespace Tracing.Cli.Running;

/// <summary>
/// Gathers lines and writes them together, at most <c>flushInterval</c> after the first of them, when the batch is
/// full, and on <see cref="Complete"/>: to a regular file a <c>write</c> per line was a twentieth of the CPU an exec costs.
/// </summary>
internal sealed class LineBatch : IDisposable
{
    private const int BatchBytes = 64 * 1024;

    private readonly LineOutput _output;
    // _gate guards the batch for appends and swaps only (no syscall is ever made holding it): the receive thread runs
    // at real-time priority and must not wait for a normal-priority thread that the scheduler has set aside.
    // _writeGate orders the writes themselves.
    private readonly Lock _gate = new();
    private readonly Lock _writeGate = new();
    private readonly TimeSpan _flushInterval;
    private readonly Timer _flushTimer;
    private byte[] _batch = new byte[BatchBytes];
    private byte[] _spare = new byte[BatchBytes];
    private int _batchLength;

    /// <param name="output">Where batches go.</param>
    /// <param name="flushInterval">The longest a line may wait.</param>
    public LineBatch(LineOutput output, TimeSpan flushInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(flushInterval, TimeSpan.Zero);
        _output = output;
        _flushInterval = flushInterval;
        _flushTimer = new Timer(static state => ((LineBatch)state!).Flush(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Adds the first <paramref name="length"/> bytes of <paramref name="bytes"/>, one or more whole lines.</summary>
    public void Gather(byte[] bytes, int length)
    {
        lock (_gate)
        {
            if (TryAppend(bytes, length))
            {
                return;
            }
        }

        // The batch is full, or the line is longer than a batch (a huge argv): write in order, then keep the line.
        lock (_writeGate)
        {
            FlushGathered();
            if (length > _batch.Length)
            {
                _output.Write(bytes, length);
                return;
            }

            lock (_gate)
            {
                TryAppend(bytes, length);
            }
        }
    }

    /// <summary>Writes what is gathered. Called by the timer, and by <see cref="Complete"/>.</summary>
    public void Flush()
    {
        lock (_writeGate)
        {
            FlushGathered();
        }
    }

    /// <summary>Writes what is gathered and stops the timer.</summary>
    public void Complete()
    {
        _flushTimer.Change(Timeout.Infinite, Timeout.Infinite);
        Flush();
    }

    public void Dispose()
    {
        Complete();
        _flushTimer.Dispose();
    }

    // Under _gate.
    private bool TryAppend(byte[] bytes, int length)
    {
        if (_batchLength + length > _batch.Length)
        {
            return false;
        }

        if (_batchLength == 0 && length > 0)
        {
            _flushTimer.Change(_flushInterval, Timeout.InfiniteTimeSpan);
        }

        bytes.AsSpan(0, length).CopyTo(_batch.AsSpan(_batchLength));
        _batchLength += length;
        return true;
    }

    // Under _writeGate: takes the batch (swapping in the spare under _gate), then writes it with _gate free.
    private void FlushGathered()
    {
        byte[] full;
        int length;
        lock (_gate)
        {
            if (_batchLength == 0)
            {
                return;
            }

            full = _batch;
            length = _batchLength;
            _batch = _spare;
            _batchLength = 0;
        }

        _output.Write(full, length);
        _spare = full;
    }
}
