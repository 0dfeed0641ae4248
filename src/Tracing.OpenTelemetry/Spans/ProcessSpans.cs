using System.Diagnostics;
using Tracing.Events;
using Tracing.OpenTelemetry.Records;

namespace Tracing.OpenTelemetry.Spans;

/// <summary>
/// Each traced program is a span, from its exec to its exit; its parent is the span of the program it descends from
/// (<see cref="ExecEvent.TracedParentPid"/>): the program its process ran before a re-exec, else its nearest traced
/// ancestor's. A program with none starts a trace, so a traced command is one trace. One thread at a time.
/// </summary>
/// <param name="source">Where spans start; one that no listener samples starts none.</param>
/// <param name="includeArgs">Whether spans carry argv (<see cref="ExecTelemetryOptions.IncludeCommandArgs"/>).</param>
/// <param name="tracerName">A keyed tracer's name, or null.</param>
internal sealed class ProcessSpans(ActivitySource source, bool includeArgs, string? tracerName)
{
    private readonly Dictionary<int, Activity> _open = [];

    /// <summary>How many spans are open: programs running.</summary>
    public int OpenCount => _open.Count;

    /// <summary>Starts the span of an exec, ending the one its process had (a re-exec, or a pid reused after a lost exit).</summary>
    /// <param name="exec">The exec.</param>
    /// <param name="end">Where an ended span goes (it is stopped by the caller, which may drop it).</param>
    /// <returns>The new span, or null when none was started (nobody listens, or the sampler declined).</returns>
    public Activity? OnExec(ExecEvent exec, Action<Activity> end)
    {
        ArgumentNullException.ThrowIfNull(end);
        Activity? parent = null;
        if (_open.Remove(exec.Pid, out var previous))
        {
            var reExec = exec.TracedParentPid == exec.Pid;
            Close(previous, exec.Time, reExec ? SpanEnd.Exec : SpanEnd.ExitNotSeen);
            end(previous);
            parent = reExec ? previous : null;
        }

        if (parent is null && (exec.TracedParentPid ?? exec.ParentPid) is int parentPid && parentPid != exec.Pid)
        {
            _open.TryGetValue(parentPid, out parent);
        }

        var tags = new List<KeyValuePair<string, object?>>(16);
        ProcessTags.AddExec(tags, exec, includeArgs, tracerName);

        // A span without a parent starts a trace: never the dispatch thread's current activity, if it had one.
        var current = Activity.Current;
        Activity.Current = null;
        var span = source.StartActivity(
            ProcessTags.ExecutableName(exec) ?? "exec", ActivityKind.Internal, parent?.Context ?? default, tags, links: null, exec.Time);
        Activity.Current = current;
        if (span is not null)
        {
            _open[exec.Pid] = span;
        }

        return span;
    }

    /// <summary>The span of the exiting program, with its outcome; null when none was open. The caller stops it.</summary>
    public Activity? OnExit(ExitEvent exit)
    {
        if (!_open.Remove(exit.Pid, out var span))
        {
            return null;
        }

        var tags = new List<KeyValuePair<string, object?>>(4);
        ProcessTags.AddOutcome(tags, exit);
        foreach (var tag in tags)
        {
            span.SetTag(tag.Key, tag.Value);
        }

        if (ProcessTags.ErrorType(exit) is { } error)
        {
            span.SetStatus(ActivityStatusCode.Error, exit.Signal is int ? $"killed by {error}" : $"exited with {error}");
        }

        Close(span, exit.Time, SpanEnd.Exit);
        return span;
    }

    /// <summary>Ends every open span at <paramref name="now"/>: their programs were still running when tracing stopped.</summary>
    public void EndAll(DateTimeOffset now, Action<Activity> end)
    {
        foreach (var span in _open.Values)
        {
            Close(span, now, SpanEnd.TracingStopped);
            end(span);
        }

        _open.Clear();
    }

    private static void Close(Activity span, DateTimeOffset at, string how)
    {
        span.SetTag(ProcessAttributes.SpanEnd, how);

        // Stop() would take "now" for an end no later than the start.
        var end = at.UtcDateTime;
        span.SetEndTime(end > span.StartTimeUtc ? end : span.StartTimeUtc.AddTicks(1));
    }
}
