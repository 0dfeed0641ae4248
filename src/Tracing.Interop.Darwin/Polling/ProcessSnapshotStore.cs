using Tracing.Darwin.KinfoProc;

namespace Tracing.Darwin.Polling;

/// <summary>
/// The poller's latest process table, shared with the process-info reader: while the poller reports a process,
/// the reader answers from the same snapshot the event came from, even when the process has gone since.
/// </summary>
internal sealed class ProcessSnapshotStore
{
    private volatile IReadOnlyDictionary<int, KinfoProcRecord>? _latest;

    /// <summary>The latest snapshot, or null before the first poll.</summary>
    public IReadOnlyDictionary<int, KinfoProcRecord>? Latest => _latest;

    /// <summary>Replaces the snapshot; the dictionary must not change afterwards.</summary>
    public void Publish(IReadOnlyDictionary<int, KinfoProcRecord> snapshot) => _latest = snapshot;

    /// <summary>The process as the latest snapshot saw it.</summary>
    public bool TryGet(int pid, out KinfoProcRecord record)
    {
        record = default;
        return _latest?.TryGetValue(pid, out record) == true;
    }
}
