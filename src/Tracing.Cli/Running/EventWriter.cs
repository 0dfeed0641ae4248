using System.Text;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Running;

/// <summary>
/// Writes each event as one line, straight from the tracer's receive thread (one write per line, no queue, no
/// thread hop: the cheapest path per exec). A lost-events notice also goes to stderr. When the output fails (a
/// closed pipe, a full disk) it stops writing and asks the run to end.
/// </summary>
internal sealed class EventWriter(IEventFormatter formatter, Stream output, TextWriter diagnostics, Action onOutputFailed)
{
    private readonly StringBuilder _line = new(256);
    private byte[] _bytes = new byte[1024];
    private volatile bool _failed;
    private bool _warming;

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
            diagnostics.WriteLine(lost.Reason == LossReason.ScopeUndecided
                ? $"exectrace: pid {lost.Pid} exec'd and ended before its cgroup could be read; not shown, since it may be outside the cgroup."
                : $"exectrace: the kernel dropped {lost.Count} event(s) (receive buffer overflow); the process tree was resynchronised.");
        }

        _line.Clear();
        if (!formatter.TryFormat(item, _line))
        {
            return;
        }

        _line.Append('\n');
        var written = Encode();
        try
        {
            // While warming, an empty write compiles the path and writes nothing.
            output.Write(_bytes, 0, _warming ? 0 : written);
        }
        catch (IOException e)
        {
            Failure = e;
            _failed = true;
            onOutputFailed();
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
