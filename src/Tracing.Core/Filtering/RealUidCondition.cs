using System.Globalization;

namespace Tracing.Filtering;

/// <summary>
/// The exec's real user id is one of <see cref="Uids"/>. The real id, not the effective one: it is who started the
/// process (a set-user-id program such as <c>passwd</c> run by uid 1000 has real uid 1000, effective 0), as
/// <c>execsnoop -u</c>, <c>ps -U</c> and <c>pgrep -U</c> mean it; a process that changed its real id
/// (<c>setuid</c>, <c>setpriv --reuid</c>) before it exec'd matches by the new one.
/// </summary>
public sealed class RealUidCondition : ExecCondition
{
    /// <summary><c>(uid_t)-1</c>: the value <c>setresuid</c> reads as "unchanged", which no process has.</summary>
    public const uint NoUser = uint.MaxValue;

    private readonly HashSet<uint> _uids;

    internal RealUidCondition(IEnumerable<uint> uids)
    {
        ArgumentNullException.ThrowIfNull(uids);
        Uids = [.. uids];
        _uids = [.. Uids];
    }

    /// <summary>The user ids, any one of which matches.</summary>
    public IReadOnlyList<uint> Uids { get; }

    /// <inheritdoc />
    public override void Validate()
    {
        if (Uids.Count == 0)
        {
            throw new ArgumentException("Give at least one user id.", nameof(Uids));
        }

        if (_uids.Contains(NoUser))
        {
            throw new ArgumentException($"The user id {NoUser} is (uid_t)-1, which no process has; user ids go from 0 to {NoUser - 1}.", nameof(Uids));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"RealUid({string.Join(", ", Uids.Select(u => u.ToString(CultureInfo.InvariantCulture)))})";

    internal override ScopeVerdict Test(ExecFacts facts) =>
        !facts.TryGetCredentials(out var credentials) ? ScopeVerdict.Undecided
        : _uids.Contains(credentials.RealUid) ? ScopeVerdict.In
        : ScopeVerdict.Out;
}
