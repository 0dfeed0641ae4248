using System.CommandLine;
using System.CommandLine.Invocation;

namespace Tracing.Cli;

/// <summary>
/// What is wrong with a command line, in words. A command is taken only after <c>--</c>: a word before it that is not
/// an option or an option's value is refused, so <c>exectrace --bogus</c> or <c>exectrace ls -t</c> never runs a
/// command exectrace was not clearly given (the <c>-t</c> would have been exectrace's).
/// </summary>
internal static class UsageErrors
{
    /// <summary>The errors of <paramref name="parseResult"/>; empty when it is a run, help or version to invoke.</summary>
    /// <param name="args">The command line as given (response files are not expanded).</param>
    /// <param name="parseResult">Its parse.</param>
    /// <param name="command">The argument that takes the command's words.</param>
    public static IReadOnlyList<string> Of(string[] args, ParseResult parseResult, Argument<string[]> command)
    {
        if (parseResult.Action is ParseErrorAction)
        {
            return [.. parseResult.Errors.Select(error => error.Message)];
        }

        if (parseResult.Action != parseResult.RootCommandResult.Command.Action)
        {
            return [];
        }

        var words = parseResult.GetValue(command) ?? [];
        var separator = Array.IndexOf(args, "--");
        var afterSeparator = separator < 0 ? 0 : args.Length - separator - 1;
        if (words.Length <= afterSeparator)
        {
            return [];
        }

        var first = words[0];

        // --tree=yes: the parser splits off the value of a switch, which then looks like a command.
        var given = args.Take(separator < 0 ? args.Length : separator)
            .FirstOrDefault(a => a.Length > first.Length + 2 && a[0] == '-' && a.EndsWith("=" + first, StringComparison.Ordinal));
        if (given is not null)
        {
            return [$"{given[..^(first.Length + 1)]} takes no value; got '{given}'."];
        }

        return first.Length > 1 && first[0] == '-'
            ? [$"unknown option '{first}' (a command to run goes after --: exectrace [options] -- COMMAND)."]
            : [$"put -- before the command to run: exectrace [options] -- {first} ..."];
    }
}
