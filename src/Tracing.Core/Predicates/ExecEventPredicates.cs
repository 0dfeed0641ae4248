using Tracing.Events;

namespace Tracing.Predicates;

/// <summary>One-line questions embedders ask of an exec, e.g. <c>e.IsGitCommit()</c>.</summary>
public static class ExecEventPredicates
{
    /// <summary>
    /// True when the program's name (argv[0]'s or the executable's base name) is <paramref name="program"/> and
    /// <paramref name="subcommand"/> appears, in order and adjacent, among its non-option arguments.
    /// <c>e.IsInvocationOf("git", "commit")</c> matches <c>git commit -m x</c> and <c>git -C /repo commit</c>.
    /// </summary>
    /// <param name="exec">The exec to ask.</param>
    /// <param name="program">The program's base name, e.g. <c>git</c>.</param>
    /// <param name="subcommand">The words that must follow, e.g. <c>commit</c>; none to match any invocation.</param>
    /// <returns>True when the exec is that invocation; otherwise false.</returns>
    public static bool IsInvocationOf(this ExecEvent exec, string program, params string[] subcommand)
    {
        ArgumentNullException.ThrowIfNull(exec);
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(subcommand);
        var argv = exec.Arguments.Strings;
        var name = argv.Count > 0 ? BaseName(argv[0]) : exec.CommandName;
        if (name != program && (exec.ExecutablePath is null || BaseName(exec.ExecutablePath) != program))
        {
            return false;
        }

        if (subcommand.Length == 0)
        {
            return true;
        }

        var words = argv.Skip(1).Where(a => !a.StartsWith('-')).ToList();
        for (var start = 0; start + subcommand.Length <= words.Count; start++)
        {
            if (words.Skip(start).Take(subcommand.Length).SequenceEqual(subcommand, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>git commit</c> (with any options).</summary>
    /// <param name="exec">The exec to ask.</param>
    /// <returns>True when the exec is a <c>git commit</c>; otherwise false.</returns>
    public static bool IsGitCommit(this ExecEvent exec) => exec.IsInvocationOf("git", "commit");

    private static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }
}
