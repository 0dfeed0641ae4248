using Tracing.Darwin.KinfoProc;
using Tracing.Darwin.Sysctl;
using Tracing.Ports;

namespace Tracing.Darwin.Polling;

internal sealed partial class DarwinPollingEventSource
{
    private readonly List<KinfoProcRecord> _records = [];
    private readonly List<ProcessChange> _changes = [];
    private readonly Dictionary<ProcessIncarnation, ReadOnlyMemory<byte>> _knownArguments = [];
    private byte[] _buffer = [];
    private Dictionary<int, KinfoProcRecord> _previous = [];
    private long _previousPollNs;
    private long _pollCount;

    /// <summary>Reads the table that later polls compare with; reports nothing.</summary>
    internal void TakeBaseline()
    {
        _previous = ReadTable();
        _previousPollNs = _clock.NowNanoseconds;
        _knownArguments.Clear();
        _store.Publish(_previous);
        Interlocked.Increment(ref _pollCount);
    }

    /// <summary>Reads the table once and reports the differences from the last one to <paramref name="sink"/>.</summary>
    internal void PollOnce(IKernelEventSink sink, KernelEventInterest interest)
    {
        var current = ReadTable();
        _changes.Clear();
        SnapshotDiff.Compute(_previous, _records, _changes, _options.CompareArguments ? ArgumentsChanged : null);

        // The reader answers from this table while the events are delivered, so publish it first.
        _store.Publish(current);
        var nowNs = _clock.NowNanoseconds;
        var nowWall = _time.GetUtcNow();
        foreach (var change in _changes)
        {
            Emit(sink, interest, change, nowNs, nowWall);
        }

        if (_options.CompareArguments)
        {
            ForgetArgumentsOfTheGone(current);
        }

        _previous = current;
        _previousPollNs = nowNs;
        Interlocked.Increment(ref _pollCount);
    }

    private Dictionary<int, KinfoProcRecord> ReadTable()
    {
        var length = _table.ReadAll(ref _buffer);
        if (!KinfoProcDecoder.TryDecodeAll(_buffer.AsSpan(0, length), _records))
        {
            throw new IOException("sysctl(KERN_PROC_ALL) returned a record with a negative pid.");
        }

        var table = new Dictionary<int, KinfoProcRecord>(_records.Count);
        foreach (var record in _records)
        {
            table.TryAdd(record.Pid, record);
        }

        return table;
    }

    private void Emit(IKernelEventSink sink, KernelEventInterest interest, in ProcessChange change, long nowNs, DateTimeOffset nowWall)
    {
        var record = change.Record;
        switch (change.Kind)
        {
            case ProcessChangeKind.Started:
                if ((interest & KernelEventInterest.Fork) != 0)
                {
                    sink.OnEvent(Make(KernelEventKind.Fork, record, ForkTimestamp(record, nowNs, nowWall)));
                }

                if ((interest & KernelEventInterest.Exec) != 0)
                {
                    sink.OnEvent(Make(KernelEventKind.Exec, record, nowNs));
                }

                break;
            case ProcessChangeKind.Execed when (interest & KernelEventInterest.Exec) != 0:
                sink.OnEvent(Make(KernelEventKind.Exec, record, nowNs));
                break;
            case ProcessChangeKind.Exited when (interest & KernelEventInterest.Exit) != 0:
                // The table does not carry the wait status of a reaped process: the exit code stays 0.
                sink.OnEvent(Make(KernelEventKind.Exit, record, nowNs));
                break;
            default:
                break;
        }
    }

    private static KernelEvent Make(KernelEventKind kind, in KinfoProcRecord record, long timestampNs) => new()
    {
        Kind = kind,
        TimestampNs = timestampNs,
        Pid = record.Pid,
        Tgid = record.Pid,
        ParentPid = record.ParentPid,
        ParentTgid = record.ParentPid,
    };

    // p_starttime is the wall-clock time of the fork: place the fork on the event clock, between the two polls.
    private long ForkTimestamp(in KinfoProcRecord record, long nowNs, DateTimeOffset nowWall)
    {
        var startMicroseconds = (record.StartSeconds * 1_000_000) + record.StartMicroseconds;
        var agoNs = (nowWall.ToUnixTimeMilliseconds() * 1_000_000) - (startMicroseconds * 1_000);
        return Math.Clamp(nowNs - agoNs, Math.Min(_previousPollNs, nowNs), nowNs);
    }

    // An exec that keeps the name shows only in argv. The first sight of a process records its argv, no event.
    private bool ArgumentsChanged(KinfoProcRecord record)
    {
        if (_arguments.TryRead(record.Pid, out var arguments, out _) != ProcArgsReadResult.Read)
        {
            return false;
        }

        var raw = arguments!.RawBytes;
        var known = _knownArguments.TryGetValue(record.Incarnation, out var before);
        _knownArguments[record.Incarnation] = raw;
        return known && !before.Span.SequenceEqual(raw.Span);
    }

    private void ForgetArgumentsOfTheGone(Dictionary<int, KinfoProcRecord> current)
    {
        foreach (var incarnation in _knownArguments.Keys)
        {
            if (!current.TryGetValue(incarnation.Pid, out var record) || record.Incarnation != incarnation)
            {
                _knownArguments.Remove(incarnation);
            }
        }
    }
}
