using System.Text;
using Tracing.Events;
using Tracing.Text;

namespace Tracing.OpenTelemetry.Records;

/// <summary>The body of an exec or exit record: what a person reads in a log view.</summary>
internal static class ProcessBodies
{
    /// <summary>
    /// With argv: the command line, each word quoted as the text output quotes it (a shell user can paste it back,
    /// and words with spaces stay apart). Without: the executable's path, else the command name.
    /// </summary>
    public static string Exec(ExecEvent exec, bool includeArgs)
    {
        if (!includeArgs || exec.Arguments.Count == 0)
        {
            return exec.ExecutablePath ?? exec.CommandName ?? "(gone before it could be read)";
        }

        var line = new StringBuilder(exec.Arguments.RawBytes.Length + 16);
        for (var i = 0; i < exec.Arguments.Count; i++)
        {
            if (i > 0)
            {
                line.Append(' ');
            }

            ShellQuoting.AppendQuoted(line, exec.Arguments.GetRaw(i));
        }

        return line.ToString();
    }

    /// <summary><c>make exited with 2</c>, <c>sleep killed by SIGKILL</c>, <c>sh ended</c> (no status known).</summary>
    public static string Exit(ExitEvent exit)
    {
        var name = exit.CommandName ?? "process";
        return ProcessTags.ErrorType(exit) switch
        {
            null when exit.ExitCode is null => $"{name} ended",
            null => $"{name} exited with 0",
            { } error when exit.Signal is int => $"{name} killed by {error}{(exit.CoreDumped ? " (core dumped)" : string.Empty)}",
            { } error => $"{name} exited with {error}",
        };
    }
}
