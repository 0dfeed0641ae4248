namespace Tracing.Filtering;

/// <summary>Whether a process that exec'd is in a filter's scope.</summary>
internal enum ScopeVerdict
{
    /// <summary>In scope: report it.</summary>
    In,

    /// <summary>Out of scope: say nothing.</summary>
    Out,

    /// <summary>The process was gone before the filter could tell: reported as a loss, never silently dropped.</summary>
    Undecided,
}
