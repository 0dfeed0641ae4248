namespace Tracing.Filtering;

/// <summary>
/// A condition an exec must meet to be reported. The scope (<see cref="ExecTraceFilter"/>) says which processes are
/// followed; conditions say which of their execs are reported. A process whose exec does not match is still followed,
/// so what it starts is reported when it matches (<c>-p 1234 --comm git</c> reports a git a shell under 1234 runs).
/// </summary>
/// <remarks>
/// Every condition of <see cref="Tracer.ExecTracingOptions.Conditions"/> must hold; a condition holds when the exec
/// has any one of its values. An exec that is not reported has no exit reported either, unless an earlier exec of the
/// same process was. Each kind reads the one cheap fact it needs before anything else of the exec is read, so an exec
/// that does not match costs that read alone. A new kind is one new class here.
/// </remarks>
public abstract class ExecCondition
{
    private protected ExecCondition()
    {
    }

    /// <summary>
    /// The kernel's command name (<c>comm</c>, what <c>ps -o comm</c> and <c>pgrep</c> show) is one of
    /// <paramref name="names"/>, exactly and in the same letter case.
    /// </summary>
    /// <param name="names">The command names; each at most 15 bytes in UTF-8 (the kernel keeps no more) and without a <c>/</c>.</param>
    /// <returns>The condition.</returns>
    public static ExecCondition CommandName(params IEnumerable<string> names) => new CommandNameCondition(names);

    /// <summary>The process's real user id (who started it, as <c>execsnoop -u</c> and <c>ps -U</c> mean it) is one of <paramref name="uids"/>.</summary>
    /// <param name="uids">The user ids, each below 4294967295 (which is <c>(uid_t)-1</c>, no user).</param>
    /// <returns>The condition.</returns>
    public static ExecCondition RealUid(params IEnumerable<uint> uids) => new RealUidCondition(uids);

    /// <summary>Throws <see cref="ArgumentException"/> when the condition is malformed or could never hold.</summary>
    public abstract void Validate();

    /// <summary>Whether the exec whose facts are <paramref name="facts"/> meets the condition; undecided when the process was gone before it could tell.</summary>
    /// <remarks>Internal: no kind can be declared outside this assembly.</remarks>
    internal abstract ScopeVerdict Test(ExecFacts facts);
}
