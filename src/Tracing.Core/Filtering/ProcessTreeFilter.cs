using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>A process and all its descendants.</summary>
/// <param name="RootPid">The root process.</param>
public sealed record ProcessTreeFilter(int RootPid) : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate()
    {
        if (RootPid <= 0)
        {
            throw new ArgumentException($"The root PID must be positive; got {RootPid}.", nameof(RootPid));
        }
    }

    /// <inheritdoc />
    internal override int? SubtreeRoot(int tracerPid) => RootPid;

    /// <inheritdoc />
    internal override bool IncludesExistingProcesses => true;

    /// <inheritdoc />
    /// <remarks>In scope: every exec of the subtree.</remarks>
    internal override ScopeVerdict Admit(int pid, IProcessInfoReader reader) => ScopeVerdict.In;

    /// <summary>What it traces, for logs and messages: <c>process 1234 and its descendants</c>.</summary>
    /// <returns>What the filter traces, in words.</returns>
    public override string ToString() => $"process {RootPid} and its descendants";
}
