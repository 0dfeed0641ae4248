using System.Globalization;
using Tracing.Events;

namespace Tracing.OpenTelemetry.Records;

/// <summary>
/// A failed exec as a log record (<c>process.exec_failed</c>, severity Warning): the caller's pid and parent, the path it
/// gave as <c>process.executable.path</c>, the error's name as <c>error.type</c>, and argv only when asked for, as for execs.
/// </summary>
internal static class FailedExecRecords
{
    public const string Errno = "tracing.exec.errno";

    public static List<KeyValuePair<string, object?>> Tags(ExecFailedEvent failed, bool includeCommandArgs, string? tracerName)
    {
        var tags = new List<KeyValuePair<string, object?>>(10)
        {
            new(ProcessAttributes.Pid, failed.Pid),
            new(ProcessAttributes.ParentPid, failed.ParentPid),
            new(ProcessAttributes.ExecutablePath, failed.Path),
            new(ProcessAttributes.ErrorType, failed.ErrorName ?? failed.Errno.ToString(CultureInfo.InvariantCulture)),
            new(Errno, failed.Errno),
            new(ProcessAttributes.ArgsCount, failed.Arguments.Count),
        };
        if (failed.PathBytes is { } raw)
        {
            tags.Add(new(ProcessAttributes.ExecutablePathBase64, Convert.ToBase64String(raw.Span)));
        }

        if (includeCommandArgs)
        {
            tags.Add(new(ProcessAttributes.CommandArgs, failed.Arguments.Strings.ToArray()));
        }

        if (failed.EffectiveUid is uint euid)
        {
            tags.Add(new(ProcessAttributes.UserId, euid));
        }

        if (failed.RealUid is uint uid)
        {
            tags.Add(new(ProcessAttributes.RealUserId, uid));
        }

        if (tracerName is not null)
        {
            tags.Add(new(ProcessAttributes.TracerName, tracerName));
        }

        return tags;
    }

    public static string Body(ExecFailedEvent failed) =>
        string.Create(CultureInfo.InvariantCulture, $"exec of {failed.Path} failed: {failed.ErrorName ?? "errno " + failed.Errno.ToString(CultureInfo.InvariantCulture)}");
}
