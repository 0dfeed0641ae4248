namespace Tracing.Linux.ProcFs;

/// <summary>Splits UTF-8 text on '\n' without allocating; a last line without '\n' is still a line.</summary>
internal ref struct LineEnumerator
{
    private ReadOnlySpan<byte> _remaining;

    public LineEnumerator(ReadOnlySpan<byte> text)
    {
        _remaining = text;
        Current = default;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly LineEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_remaining.IsEmpty)
        {
            return false;
        }

        var end = _remaining.IndexOf((byte)'\n');
        if (end < 0)
        {
            Current = _remaining;
            _remaining = default;
        }
        else
        {
            Current = _remaining[..end];
            _remaining = _remaining[(end + 1)..];
        }

        return true;
    }
}
