using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>Every process on the machine.</summary>
public sealed record EverythingFilter : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate()
    {
    }

    /// <inheritdoc />
    /// <remarks>In scope: every exec.</remarks>
    internal override ScopeVerdict Admit(int pid, IProcessInfoReader reader) => ScopeVerdict.In;

    /// <summary>What it traces, for logs and messages: <c>every process</c>.</summary>
    /// <returns>What the filter traces, in words.</returns>
    public override string ToString() => "every process";
}
