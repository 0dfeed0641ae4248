using System.Globalization;
using System.Text;
using Tracing.Events;
using Tracing.Signals;
using Tracing.Text;

namespace Tracing.Cli.Output;

/// <summary>
/// Human-readable lines:
/// <c>14:02:11.532 12345 ppid=12000 [uid=1000(alice)] [cwd=/src] git commit -m 'fix bug' [[env] HOME=/home/alice ...]</c> and
/// <c>14:02:11.610 12345 exit=0 0.078s git</c>; a process in a container has its name (or 12-digit id) after the pid:
/// <c>14:02:11.532 12346 [web] ppid=12001 sh -c ...</c>. With the tree, the pid is indented two spaces per level
/// below the scope's top; with the executable, its full path stands in place of argv[0] (as extrace -l).
/// </summary>
/// <param name="showWorkingDirectory">Show <c>cwd=</c>.</param>
/// <param name="showUser">Show <c>uid=</c>.</param>
/// <param name="timeOfDay">How times are written.</param>
/// <param name="showExecutable">The executable's path in place of argv[0] (<c>?</c> when it could not be read).</param>
/// <param name="showEnvironment">The environment after argv: <c>[env]</c> then its entries, quoted as argv; <c>[env unavailable]</c> when not readable.</param>
/// <param name="indentByDepth">Two spaces per level of <see cref="ExecEvent.Depth"/> before the pid.</param>
internal sealed partial class TextEventFormatter(
    bool showWorkingDirectory,
    bool showUser,
    LocalTimeOfDay timeOfDay,
    bool showExecutable = false,
    bool showEnvironment = false,
    bool indentByDepth = false) : IEventFormatter
{
    /// <summary>Times in the machine's local zone.</summary>
    public TextEventFormatter(bool showWorkingDirectory, bool showUser)
        : this(showWorkingDirectory, showUser, new LocalTimeOfDay())
    {
    }

    public bool TryFormat(TraceEvent item, StringBuilder line)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(line);
        timeOfDay.Append(line, item.Time);
        line.Append(' ');
        switch (item)
        {
            case ExecEvent exec:
                FormatExec(exec, line);
                return true;
            case ExitEvent exit:
                FormatExit(exit, line);
                return true;
            case ExecFailedEvent failed:
                FormatExecFailed(failed, line);
                return true;
            default:
                return false;
        }
    }

    private void FormatExec(ExecEvent exec, StringBuilder line)
    {
        if (indentByDepth && exec.Depth is int depth)
        {
            line.Append(' ', 2 * depth);
        }

        // 0: the process was gone before its parent could be read (an exec carries no parent).
        line.Append(exec.Pid);
        AppendContainer(line, exec.Container);
        line.Append(" ppid=");
        if (exec.ParentPid > 0)
        {
            line.Append(exec.ParentPid);
        }
        else
        {
            line.Append('?');
        }
        if (showUser)
        {
            line.Append(" uid=").Append(exec.RealUid is uint uid ? uid.ToString(CultureInfo.InvariantCulture) : "?");
            if (exec.UserName is not null)
            {
                // As the process's own root names the user: a container's user by the container's passwd.
                line.Append('(');
                ShellQuoting.AppendQuoted(line, exec.UserName);
                line.Append(')');
            }

            if (exec.EffectiveUid is uint euid && euid != exec.RealUid)
            {
                line.Append(CultureInfo.InvariantCulture, $" euid={euid}");
            }
        }

        if (showWorkingDirectory)
        {
            line.Append(" cwd=");
            if (exec.WorkingDirectory is null)
            {
                line.Append('?');
            }
            else if (exec.WorkingDirectoryBytes is { } raw)
            {
                ShellQuoting.AppendQuoted(line, raw.Span);
            }
            else
            {
                ShellQuoting.AppendQuoted(line, exec.WorkingDirectory);
            }
        }

        var arguments = exec.Arguments;
        if (exec.ArgvSource == ArgvSource.Truncated)
        {
            line.Append(" [argv truncated]");
        }
        else if (exec.ArgvSource != ArgvSource.Complete)
        {
            line.Append(" [argv unavailable: process ended]");
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            line.Append(' ');
            // The fallback (the command name) is no argv[0]: it stays, the executable is likely gone with the argv.
            if (i == 0 && showExecutable && exec.ArgvSource is ArgvSource.Complete or ArgvSource.Truncated)
            {
                ProcessWords.AppendExecutable(line, exec);
            }
            else
            {
                ShellQuoting.AppendQuoted(line, arguments.GetRaw(i));
            }
        }

        if (showEnvironment)
        {
            ProcessWords.AppendEnvironment(line, exec);
        }
    }

    private static void FormatExit(ExitEvent exit, StringBuilder line)
    {
        line.Append(exit.Pid);
        AppendContainer(line, exit.Container);
        line.Append(' ');
        if (exit.Signal is int signal)
        {
            line.Append("killed=").Append(SignalNames.Get(signal));
            if (exit.CoreDumped)
            {
                line.Append(" (core dumped)");
            }
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $"exit={exit.ExitCode}");
        }

        if (exit.Lifetime is TimeSpan lifetime)
        {
            line.Append(CultureInfo.InvariantCulture, $" {lifetime.TotalSeconds:0.000}s");
        }

        if (exit.CommandName is not null)
        {
            line.Append(' ');
            ShellQuoting.AppendQuoted(line, exit.CommandName);
        }
        else
        {
            // Gone before its name could be read (the kernel's exit carries none): said, not left blank.
            line.Append(" [command unknown: process ended]");
        }
    }

    /// <summary><c> [web]</c>, or the container's 12-digit id when no engine named it; nothing for the host.</summary>
    private static void AppendContainer(StringBuilder line, ContainerInfo? container)
    {
        if (container is not null)
        {
            line.Append(" [");
            ShellQuoting.AppendQuoted(line, container.Name ?? container.ShortId);
            line.Append(']');
        }
    }
}
