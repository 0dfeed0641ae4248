using System.Text;
using Tracing.Events;
using Tracing.Text;

namespace Tracing.Cli.Output;

/// <summary>The optional words of a text exec line (executable, environment), quoted as argv is.</summary>
internal static class ProcessWords
{
    /// <summary>The executable's path, in place of argv[0] as extrace -l; <c>?</c> when not read (an argument <c>?</c> is quoted).</summary>
    public static void AppendExecutable(StringBuilder line, ExecEvent exec)
    {
        if (exec.ExecutablePathBytes is { } raw)
        {
            ShellQuoting.AppendQuoted(line, raw.Span);
        }
        else if (exec.ExecutablePath is not null)
        {
            ShellQuoting.AppendQuoted(line, exec.ExecutablePath);
        }
        else
        {
            line.Append('?');
        }
    }

    /// <summary>
    /// After argv: <c> [env]</c> and each entry quoted as an argument is (an argument <c>[env]</c> is quoted, so the
    /// bare word says where argv ends); <c> [env unavailable]</c> when asked and not read; nothing when not asked.
    /// </summary>
    public static void AppendEnvironment(StringBuilder line, ExecEvent exec)
    {
        if (exec.Environment is not { } environment)
        {
            line.Append(exec.EnvironmentUnavailable ? " [env unavailable]" : string.Empty);
            return;
        }

        line.Append(" [env]");
        for (var i = 0; i < environment.Count; i++)
        {
            line.Append(' ');
            ShellQuoting.AppendQuoted(line, environment.GetRaw(i));
        }
    }
}
