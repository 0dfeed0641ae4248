using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>A command the tracer launches, and its whole subtree.</summary>
/// <param name="Command">What to run.</param>
public sealed record CommandFilter(CommandSpec Command) : ExecTraceFilter
{
    /// <summary>
    /// When true, <see cref="Tracer.ExecTracer.WaitForCommandAsync"/> waits until the last process of the command's
    /// subtree has ended (a daemon it left behind too, as <c>strace -f</c> does), not only the command.
    /// </summary>
    public bool Follow { get; init; }

    /// <summary>
    /// When true, every process the tracing process forks once tracing has started is taken as the command's, with its
    /// subtree: a helper the command makes with <c>clone(CLONE_PARENT)</c> has the command's parent, the tracer, for
    /// parent, and nothing else can tell it from a child of the tracer's own. Set it when the tracing process starts
    /// nothing but the command while it traces (exectrace does); children it had before tracing started are never the command's.
    /// </summary>
    public bool IncludeTracerChildren { get; init; }

    /// <inheritdoc />
    public override void Validate() => ArgumentNullException.ThrowIfNull(Command);

    /// <inheritdoc />
    /// <remarks>The tracer's own subtree: the command is its child, and only the command's branch of it is reported.</remarks>
    internal override int? SubtreeRoot(int tracerPid) => tracerPid;

    /// <inheritdoc />
    /// <remarks>The command, a child of the tracer, is the top (and so is a helper it made with <c>CLONE_PARENT</c>).</remarks>
    internal override int TopDepth => 1;

    /// <inheritdoc />
    internal override CommandSpec? CommandToLaunch => Command;

    /// <inheritdoc />
    internal override bool WaitsForSubtree => Follow;

    /// <inheritdoc />
    internal override bool ClaimsTracerChildren => IncludeTracerChildren;

    /// <inheritdoc />
    /// <remarks>In scope: every exec of the tracer's subtree (the command gate keeps the command's branch).</remarks>
    internal override ScopeVerdict Admit(int pid, IProcessInfoReader reader) => ScopeVerdict.In;

    /// <summary>What it traces, for logs and messages: <c>command make -j4 and its subtree</c>.</summary>
    /// <returns>What the filter traces, in words.</returns>
    public override string ToString() => $"command {Command} and its subtree";
}
