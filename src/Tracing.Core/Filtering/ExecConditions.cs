namespace Tracing.Filtering;

/// <summary>The conditions of one run, as they were when it started: every one must hold for an exec to be reported.</summary>
internal sealed class ExecConditions
{
    private readonly ExecCondition[] _conditions;

    /// <summary>A snapshot of <paramref name="conditions"/> (the options may change later; a run keeps what it began with).</summary>
    /// <param name="conditions">The run's conditions.</param>
    public ExecConditions(IEnumerable<ExecCondition> conditions)
    {
        _conditions = [.. conditions];
    }

    /// <summary>True when there is nothing to test: every exec in scope is reported.</summary>
    public bool IsEmpty => _conditions.Length == 0;

    /// <summary>
    /// Whether the exec whose facts are <paramref name="facts"/> meets every condition: out at the first that fails
    /// (nothing more is read), undecided when none failed but one could not tell (the process was gone).
    /// </summary>
    /// <param name="facts">The exec's facts, read on demand.</param>
    /// <returns>In when every condition holds; out when one fails; undecided otherwise.</returns>
    public ScopeVerdict Test(ExecFacts facts)
    {
        var verdict = ScopeVerdict.In;
        foreach (var condition in _conditions)
        {
            switch (condition.Test(facts))
            {
                case ScopeVerdict.Out:
                    return ScopeVerdict.Out;
                case ScopeVerdict.Undecided:
                    verdict = ScopeVerdict.Undecided;
                    break;
                default:
                    break;
            }
        }

        return verdict;
    }

    /// <summary>The conditions in words, e.g. <c>CommandName(git) and RealUid(1000)</c>.</summary>
    /// <returns>The conditions, joined by <c>and</c>.</returns>
    public override string ToString() => string.Join(" and ", _conditions.Select(c => c.ToString()));
}
