using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>A command the tracer launches, and its whole subtree.</summary>
/// <param name="Command">What to run.</param>
public sealed record CommandFilter(CommandSpec Command) : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate() => ArgumentNullException.ThrowIfNull(Command);

    /// <inheritdoc />
    /// <remarks>The tracer's own subtree: the command is its child, and only the command's branch of it is reported.</remarks>
    internal override int? SubtreeRoot(int tracerPid) => tracerPid;

    /// <inheritdoc />
    internal override CommandSpec? CommandToLaunch => Command;

    /// <inheritdoc />
    /// <remarks>In scope: every exec of the tracer's subtree (the command gate keeps the command's branch).</remarks>
    internal override ScopeVerdict Admit(int pid, IProcessInfoReader reader) => ScopeVerdict.In;
}
