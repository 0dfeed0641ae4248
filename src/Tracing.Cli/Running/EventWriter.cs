using System.Text;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Running;

/// <summary>
/// Writes each event as one line, straight from the tracer's receive thread (no queue, no thread hop: the cheapest
/// path per exec). To a terminal or a pipe every line is written at once; to a regular file, when given a
/// <c>flushInterval</c>, lines are gathered and written together at most that long after the first of them (a
/// <c>write</c> per line was a twentieth of the CPU an exec costs), and at <see cref="Complete"/>. A lost-events
/// notice also goes to stderr. When the output fails (a closed pipe, a full disk) it stops writing and asks the run to end.
/// </summary>
internal sealed class EventWriter : IDisposable
{
    private const int BatchBytes = 64 * 1024;

    private readonly IEventFormatter _formatter;
    private readonly Stream _output;
    private readonly TextWriter _diagnostics;
    private readonly Action _onOutputFailed;
    private readonly StringBuilder _line = new(256);
    // _gate guards the batch for appends and swaps only (no syscall is ever made holding it): the receive thread runs
    // at real-time priority and must not wait for a normal-priority thread that the scheduler has set aside.
    // _writeGate orders the writes themselves.
    private readonly Lock _gate = new();
    private readonly Lock _writeGate = new();
    private readonly TimeSpan _flushInterval;
    private readonly Timer? _flushTimer;
    private byte[]? _batch;
    private byte[]? _spare;
    private byte[] _bytes = new byte[1024];
    private int _batchLength;
    private volatile bool _failed;
    private bool _warming;

    /// <param name="formatter">Turns an event into a line.</param>
    /// <param name="output">Where lines go.</param>
    /// <param name="diagnostics">Where notices go (stderr).</param>
    /// <param name="onOutputFailed">Called once when the output fails; must not block.</param>
    /// <param name="flushInterval">Null: each line at once. Else the longest a line may wait, gathered with others.</param>
    public EventWriter(IEventFormatter formatter, Stream output, TextWriter diagnostics, Action onOutputFailed, TimeSpan? flushInterval = null)
    {
        _formatter = formatter;
        _output = output;
        _diagnostics = diagnostics;
        _onOutputFailed = onOutputFailed;
        if (flushInterval is { } interval)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
            _flushInterval = interval;
            _batch = new byte[BatchBytes];
            _spare = new byte[BatchBytes];
            _flushTimer = new Timer(static state => ((EventWriter)state!).Flush(), this, Timeout.Infinite, Timeout.Infinite);
        }
    }

    /// <summary>Why output stopped, when it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>
    /// Formats made-up events without writing them, so the first real one is not compiled on the receive thread
    /// while the next short-lived process exits.
    /// </summary>
    public void WarmUp()
    {
        var time = DateTimeOffset.UtcNow;
        TraceEvent[] samples =
        [
            new ExecEvent { Pid = 1, ParentPid = 1, Time = time, Arguments = ProcessArguments.FromStrings(["warm", "up \u001b"]), CommandName = "warm" },
            new ExecEvent { Pid = 1, Time = time, ArgvSource = ArgvSource.CommandName, Arguments = ProcessArguments.FromStrings(["warm"]) },
            new ExitEvent { Pid = 1, Time = time, ExitCode = 0, Lifetime = TimeSpan.FromSeconds(1), CommandName = "warm" },
            new ExitEvent { Pid = 1, Time = time, Signal = 9, CoreDumped = true },
        ];
        _warming = true;
        foreach (var sample in samples)
        {
            Write(sample);
        }

        _warming = false;
    }

    public void Write(TraceEvent item)
    {
        if (_failed)
        {
            return;
        }

        if (item is EventsLostEvent lost)
        {
            _diagnostics.WriteLine(lost.Reason == LossReason.ScopeUndecided
                ? $"exectrace: pid {lost.Pid} exec'd and ended before its cgroup could be read; not shown, since it may be outside the cgroup."
                : $"exectrace: the kernel dropped {lost.Count} event(s) (receive buffer overflow); the process tree was resynchronised.");
        }

        _line.Clear();
        if (!_formatter.TryFormat(item, _line))
        {
            return;
        }

        _line.Append('\n');
        var length = Encode();

        // While warming, nothing is written, but the path is compiled: an empty write, an empty batch append.
        if (_batch is null)
        {
            WriteNow(_bytes, _warming ? 0 : length);
        }
        else
        {
            Gather(_warming ? 0 : length);
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

    /// <summary>Writes what is gathered and stops the timer: call once the tracer has stopped.</summary>
    public void Complete()
    {
        _flushTimer?.Change(Timeout.Infinite, Timeout.Infinite);
        Flush();
    }

    public void Dispose()
    {
        Complete();
        _flushTimer?.Dispose();
    }

    private void Gather(int length)
    {
        lock (_gate)
        {
            if (TryAppend(length))
            {
                return;
            }
        }

        // The batch is full, or the line is longer than a batch (a huge argv): write in order, then keep the line.
        lock (_writeGate)
        {
            FlushGathered();
            if (length > _batch!.Length)
            {
                WriteNow(_bytes, length);
                return;
            }

            lock (_gate)
            {
                TryAppend(length);
            }
        }
    }

    // Under _gate.
    private bool TryAppend(int length)
    {
        if (_batchLength + length > _batch!.Length)
        {
            return false;
        }

        if (_batchLength == 0 && length > 0)
        {
            _flushTimer!.Change(_flushInterval, Timeout.InfiniteTimeSpan);
        }

        _bytes.AsSpan(0, length).CopyTo(_batch.AsSpan(_batchLength));
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

            full = _batch!;
            length = _batchLength;
            _batch = _spare;
            _batchLength = 0;
        }

        WriteNow(full, length);
        _spare = full;
    }

    private void WriteNow(byte[] bytes, int length)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            _output.Write(bytes, 0, length);
        }
        catch (IOException e)
        {
            Failure = e;
            _failed = true;
            _onOutputFailed();
        }
    }

    private int Encode()
    {
        var length = Encoding.UTF8.GetMaxByteCount(_line.Length);
        if (_bytes.Length < length)
        {
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        }

        var written = 0;
        foreach (var chunk in _line.GetChunks())
        {
            written += Encoding.UTF8.GetBytes(chunk.Span, _bytes.AsSpan(written));
        }

        return written;
    }
}
