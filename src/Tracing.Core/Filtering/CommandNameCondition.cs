using System.Text;

namespace Tracing.Filtering;

/// <summary>
/// The exec's command name is one of <see cref="Names"/>. The command name is the kernel's <c>comm</c>, set at exec
/// to the base name of the path the program was started by (a symbolic link's own name, a script's name, not its
/// interpreter's), cut to 15 bytes; not argv[0], which the caller chooses (<c>exec -a</c>).
/// </summary>
public sealed class CommandNameCondition : ExecCondition
{
    /// <summary>The most bytes of a command name the kernel keeps (<c>TASK_COMM_LEN</c> less the terminating zero).</summary>
    public const int MaxNameBytes = 15;

    private readonly HashSet<string> _names;

    internal CommandNameCondition(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = [.. names];
        _names = new HashSet<string>(Names.Where(n => n is not null), StringComparer.Ordinal);
    }

    /// <summary>The names, any one of which matches.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <inheritdoc />
    /// <remarks>
    /// A name longer than 15 bytes is refused, not cut: the kernel's name of such a program is its first 15 bytes,
    /// which other programs may share, so the name could only match nothing or match by accident.
    /// </remarks>
    public override void Validate()
    {
        if (Names.Count == 0)
        {
            throw new ArgumentException("Give at least one command name.", nameof(Names));
        }

        foreach (var name in Names)
        {
            if (ProblemWith(name) is { } problem)
            {
                throw new ArgumentException(problem, nameof(Names));
            }
        }
    }

    // What is wrong with a name, in words; null when nothing is.
    private static string? ProblemWith(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "A command name cannot be empty.";
        }

        if (name.Contains('\0', StringComparison.Ordinal))
        {
            return $"The command name '{name}' has a NUL character, which no command name has.";
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return $"The command name '{name}' has a '/': it is the base name of the executable (the kernel's comm), never a path.";
        }

        var bytes = Encoding.UTF8.GetBytes(name);
        var length = KernelByteCount(name, bytes.Length);
        if (length <= MaxNameBytes)
        {
            return null;
        }

        return $"The command name '{name}' is {length} bytes; the kernel keeps {MaxNameBytes}, so it could never match.{Suggestion(name, bytes)}";
    }

    // The kernel's name of the program: its first 15 bytes. When they cut a character, the bytes of it that are kept
    // read as U+FFFD (every comm is read as UTF-8), and a name given that way matches.
    private static string Suggestion(string name, byte[] bytes)
    {
        var cut = Encoding.UTF8.GetString(bytes, 0, MaxNameBytes);
        if (!cut.EndsWith('\uFFFD'))
        {
            return Encoding.UTF8.GetByteCount(cut) == MaxNameBytes && !cut.Contains('\uFFFD', StringComparison.Ordinal)
                ? $" A program started as '{name}' is named '{cut}'."
                : string.Empty;
        }

        var whole = cut[..^1];
        var kept = bytes.AsSpan(Encoding.UTF8.GetByteCount(whole), MaxNameBytes - Encoding.UTF8.GetByteCount(whole));
        var escaped = string.Concat(kept.ToArray().Select(b => $"\\x{b:x2}"));
        return $" A program started as '{name}' is named '{whole}' and {escaped} (the 15th byte cuts a character), read as U+FFFD:"
            + $" give '{whole}\\uFFFD' (in a shell, $'{whole}{escaped}').";
    }

    // A comm's bytes that are not UTF-8 are read as U+FFFD (as arguments are): one stands for at least one byte.
    private static int KernelByteCount(string name, int utf8Length) =>
        utf8Length - (name.AsSpan().Count('\uFFFD') * (Encoding.UTF8.GetByteCount("\uFFFD") - 1));

    /// <inheritdoc />
    public override string ToString() => $"CommandName({string.Join(", ", Names)})";

    internal override ScopeVerdict Test(ExecFacts facts) =>
        !facts.TryGetCommandName(out var name) ? ScopeVerdict.Undecided
        : _names.Contains(name) ? ScopeVerdict.In
        : ScopeVerdict.Out;
}
