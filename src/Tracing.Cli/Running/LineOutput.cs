namespace Tracing.Cli.Running;

/// <summary>
/// The stream lines go to, written at once. When a write fails (a closed pipe, a full disk) it remembers why, writes
/// nothing more, and calls <c>onFailed</c> once, so the run can end.
/// </summary>
internal sealed class LineOutput(Stream stream, Action onFailed)
{
    private volatile bool _failed;

    /// <summary>True once a write has failed; later writes are dropped.</summary>
    public bool Failed => _failed;

    /// <summary>Why output stopped, when it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Writes <paramref name="length"/> bytes of <paramref name="bytes"/>, unless output has failed.</summary>
    public void Write(byte[] bytes, int length)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            stream.Write(bytes, 0, length);
        }
        // A closed stdout whose descriptor was reused read-only gives EBADF, which .NET raises as
        // UnauthorizedAccessException; a stream that cannot write at all gives NotSupportedException.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            Failure = e;
            _failed = true;
            onFailed();
        }
    }
}
