namespace Tracing.OpenTelemetry.Spans;

/// <summary>How a process's span ended (<c>tracing.process.span_end</c>).</summary>
internal static class SpanEnd
{
    /// <summary>The process exited: the span has its exit code or signal.</summary>
    public const string Exit = "exit";

    /// <summary>The process exec'd another program: that program's span, a child of this one, goes on.</summary>
    public const string Exec = "exec";

    /// <summary>Still running when tracing stopped: ended then, with no exit.</summary>
    public const string TracingStopped = "tracing_stopped";

    /// <summary>Its exit was never seen (lost) and its pid was taken by a new process: ended when that one exec'd.</summary>
    public const string ExitNotSeen = "exit_not_seen";
}
