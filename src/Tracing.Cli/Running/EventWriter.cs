using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Running;

/// <summary>
/// Writes each event as one line, straight from the tracer's receive thread (no queue, no thread hop: the cheapest
/// path per exec). To a terminal or a pipe every line is written at once; to a regular file, when given a
/// <c>flushInterval</c>, lines are gathered in a <see cref="LineBatch"/>, and all of them written at
/// <see cref="Complete"/>. A lost-events notice also goes to stderr. When the output fails (a closed pipe, a full
/// disk) it stops writing and asks the run to end.
/// </summary>
internal sealed class EventWriter : IDisposable
{
    private readonly IEventFormatter _formatter;
    private readonly IUtf8EventFormatter? _utf8Formatter;
    private readonly ArrayBufferWriter<byte> _utf8Line = new(1024);
    private readonly TextWriter _diagnostics;
    private readonly LineOutput _output;
    private readonly LineBatch? _batch;
    private readonly StringBuilder _line = new(256);
    private byte[] _bytes = new byte[1024];
    private bool _warming;

    /// <param name="formatter">Turns an event into a line.</param>
    /// <param name="output">Where lines go.</param>
    /// <param name="diagnostics">Where notices go (stderr).</param>
    /// <param name="onOutputFailed">Called once when the output fails; must not block.</param>
    /// <param name="flushInterval">Null: each line at once. Else the longest a line may wait, gathered with others.</param>
    public EventWriter(IEventFormatter formatter, Stream output, TextWriter diagnostics, Action onOutputFailed, TimeSpan? flushInterval = null)
    {
        _formatter = formatter;
        _utf8Formatter = formatter as IUtf8EventFormatter;
        _diagnostics = diagnostics;
        _output = new LineOutput(output, onOutputFailed);
        _batch = flushInterval is { } interval ? new LineBatch(_output, interval) : null;
    }

    /// <summary>Why output stopped, when it did.</summary>
    public Exception? Failure => _output.Failure;

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
        if (_output.Failed)
        {
            return;
        }

        if (item is EventsLostEvent lost)
        {
            _diagnostics.WriteLine(lost.Reason switch
            {
                LossReason.ScopeUndecided => $"exectrace: pid {lost.Pid} exec'd and ended before its cgroup could be read; not shown, since it may be outside the cgroup.",
                LossReason.MatchUndecided => $"exectrace: pid {lost.Pid} exec'd and ended before its command name or user could be read; not shown, since it may not match --comm/--uid.",
                _ => $"exectrace: the kernel dropped {(lost.IsExact ? string.Empty : "at least ")}{lost.Count} event(s) (receive buffer overflow); the process tree was resynchronised.",
            });
        }

        byte[] bytes;
        int length;
        if (_utf8Formatter is not null)
        {
            _utf8Line.ResetWrittenCount();
            if (!_utf8Formatter.TryFormat(item, _utf8Line))
            {
                return;
            }

            _utf8Line.Write("\n"u8);
            MemoryMarshal.TryGetArray(_utf8Line.WrittenMemory, out var segment);
            (bytes, length) = (segment.Array!, segment.Count);
        }
        else
        {
            _line.Clear();
            if (!_formatter.TryFormat(item, _line))
            {
                return;
            }

            _line.Append('\n');
            length = Encode(); // may grow _bytes
            bytes = _bytes;
        }

        // While warming, nothing is written, but the path is compiled: an empty write, an empty batch append.
        if (_batch is null)
        {
            _output.Write(bytes, _warming ? 0 : length);
        }
        else
        {
            _batch.Gather(bytes, _warming ? 0 : length);
        }
    }

    /// <summary>Writes what is gathered and stops the timer: call once the tracer has stopped.</summary>
    public void Complete() => _batch?.Complete();

    public void Dispose() => _batch?.Dispose();

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
