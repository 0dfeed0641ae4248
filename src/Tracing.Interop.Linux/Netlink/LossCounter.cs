namespace Tracing.Linux.Netlink;

/// <summary>
/// Says, once the socket is drained, how many events the kernel dropped since the last time and whether that count is
/// exact. Best first: the socket's own drop counter (<c>sk_drops</c>, read with <c>SO_MEMINFO</c>), exact at once in
/// every mode; without it, the per-CPU sequence gaps of an unfiltered socket, exact once later events reveal them;
/// without either (a filtered socket, where a gap may be an event filtered out), an ENOBUFS, which says only that at
/// least one was dropped.
/// </summary>
internal sealed class LossCounter
{
    private readonly SequenceGapCounter _gaps;
    private readonly bool _countGaps;
    private Func<uint?>? _readDrops;
    private uint _drops;
    private bool _overflowed;

    /// <param name="gaps">The gap counter the receive path feeds (when <paramref name="countGaps"/>).</param>
    /// <param name="countGaps">True when the socket is unfiltered, so that a sequence gap is a loss.</param>
    /// <param name="readDrops">Reads the socket's cumulative drop counter (a u32 that wraps); null when the kernel cannot say.</param>
    public LossCounter(SequenceGapCounter gaps, bool countGaps, Func<uint?> readDrops)
    {
        _gaps = gaps;
        _countGaps = countGaps;
        if (readDrops() is { } start)
        {
            _readDrops = readDrops;
            _drops = start;
        }
    }

    /// <summary>The gap counter the receive path feeds.</summary>
    public SequenceGapCounter Gaps => _gaps;

    /// <summary>True when the loss is counted by the socket's own drop counter.</summary>
    public bool CountsDrops => _readDrops is not null;

    /// <summary>A receive failed with ENOBUFS: the kernel dropped at least one event.</summary>
    public void OnOverflow() => _overflowed = true;

    /// <summary>
    /// The events lost since the last call (0: none known), once the socket is drained or, with
    /// <paramref name="ending"/>, when the receive loop ends; <paramref name="exact"/> is false when the count is only
    /// a lower bound.
    /// </summary>
    public long Take(bool ending, out bool exact)
    {
        exact = true;
        if (_readDrops is not null)
        {
            // Every drop raises an ENOBUFS (or happens after the last read, which ending reads): no syscall otherwise.
            if (!_overflowed && !ending)
            {
                return 0;
            }

            if (_readDrops() is { } now)
            {
                var lost = unchecked(now - _drops);
                _drops = now;
                _overflowed = false;

                // The counter counted them; what the gaps saw is the same loss.
                _ = _gaps.TakeLost();
                return lost;
            }

            _readDrops = null;
        }

        var gapped = _countGaps ? _gaps.TakeLost() : 0;
        if (gapped > 0)
        {
            _overflowed = false;
            return gapped;
        }

        if (_overflowed && (ending || !_countGaps))
        {
            // An overflow whose size nothing revealed: still never silent, and never an exact-looking number.
            _overflowed = false;
            exact = false;
            return 1;
        }

        return 0;
    }
}
