namespace Tracing.Filtering;

/// <summary>Every process on the machine.</summary>
public sealed record EverythingFilter : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate()
    {
    }
}
