using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>A command the tracer launches, and its whole subtree.</summary>
/// <param name="Command">What to run.</param>
public sealed record CommandFilter(CommandSpec Command) : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate() => ArgumentNullException.ThrowIfNull(Command);
}
