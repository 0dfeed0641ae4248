using System.Globalization;
using System.Text;
using Tracing.Events;
using Tracing.Text;

namespace Tracing.Cli.Output;

internal sealed partial class TextEventFormatter
{
    // 14:02:11.532 12345 ppid=12000 failed=ENOENT path=/usr/local/bin/gti gti commit: the path as the caller gave it, then
    // the argv it passed, both quoted as argv is. A shell that searches PATH fails once per directory: each is an exec.
    private static void FormatExecFailed(ExecFailedEvent failed, StringBuilder line)
    {
        line.Append(failed.Pid).Append(" ppid=");
        if (failed.ParentPid > 0)
        {
            line.Append(failed.ParentPid);
        }
        else
        {
            line.Append('?');
        }

        line.Append(" failed=");
        if (failed.ErrorName is not null)
        {
            line.Append(failed.ErrorName);
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $"errno{failed.Errno}");
        }

        line.Append(" path=");
        if (failed.PathBytes is { } raw)
        {
            ShellQuoting.AppendQuoted(line, raw.Span);
        }
        else
        {
            ShellQuoting.AppendQuoted(line, failed.Path);
        }

        if (failed.ArgvSource == ArgvSource.Truncated)
        {
            line.Append(" [argv truncated]");
        }
        else if (failed.ArgvSource != ArgvSource.Complete)
        {
            line.Append(" [argv unreadable]");
        }

        for (var i = 0; i < failed.Arguments.Count; i++)
        {
            line.Append(' ');
            ShellQuoting.AppendQuoted(line, failed.Arguments.GetRaw(i));
        }
    }
}
