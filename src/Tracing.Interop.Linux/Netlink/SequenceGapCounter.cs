namespace Tracing.Linux.Netlink;

/// <summary>
/// Counts events lost by the kernel from gaps in <c>cn_msg.seq</c>, which counts per CPU. Two events of one CPU
/// can arrive swapped (the sender can be preempted between taking its number and sending), so a late number
/// cancels the gap it opened; callers take the net count only once the socket is drained.
/// </summary>
internal sealed class SequenceGapCounter
{
    private const int MaxTrackedCpus = 8192;
    private uint[] _next = new uint[64];
    private bool[] _seen = new bool[64];
    private long _pending;

    /// <summary>Records one event's CPU and sequence number.</summary>
    public void Observe(uint cpu, uint sequence)
    {
        if (cpu >= MaxTrackedCpus)
        {
            return;
        }

        if (cpu >= _next.Length)
        {
            var size = (int)Math.Min(MaxTrackedCpus, Math.Max(cpu + 1, (uint)_next.Length * 2));
            Array.Resize(ref _next, size);
            Array.Resize(ref _seen, size);
        }

        if (!_seen[cpu])
        {
            _seen[cpu] = true;
            _next[cpu] = sequence + 1;
            return;
        }

        var delta = unchecked((int)(sequence - _next[cpu]));
        if (delta >= 0)
        {
            _pending += delta;
            _next[cpu] = sequence + 1;
        }
        else if (_pending > 0)
        {
            // A number below the expected one: an event that arrived late, not a loss.
            _pending--;
        }
    }

    /// <summary>Returns the net count of missing events since the last call, and resets it.</summary>
    public long TakeLost()
    {
        var lost = _pending;
        _pending = 0;
        return lost;
    }
}
