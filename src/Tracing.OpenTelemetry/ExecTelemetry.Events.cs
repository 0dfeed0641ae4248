using Microsoft.Extensions.Logging;
using Tracing.Events;
using Tracing.OpenTelemetry.Records;

namespace Tracing.OpenTelemetry;

/// <summary>Each event, into its record and its span.</summary>
internal sealed partial class ExecTelemetry
{
    private void Handle(TraceEvent item)
    {
        switch (item)
        {
            case ExecEvent exec:
                exec = Timed(exec);
                if (ProcessTags.ExecutableName(exec) is { } name)
                {
                    _names[exec.Pid] = name;
                }
                else
                {
                    _names.Remove(exec.Pid);
                }

                var span = _spans?.OnExec(exec, _end);
                if (WantsRecord())
                {
                    var tags = new List<KeyValuePair<string, object?>>(20);
                    ProcessTags.AddExec(tags, exec, _options.IncludeCommandArgs, _options.TracerName);
                    Log(s_exec, new ProcessRecord(tags, ProcessBodies.Exec(exec, _options.IncludeCommandArgs), exec.Time), span);
                }

                break;
            case ExitEvent exit:
                exit = Timed(exit);
                if (_names.Remove(exit.Pid, out var execName))
                {
                    exit = exit with { CommandName = execName };
                }

                var ended = _spans?.OnExit(exit);
                if (WantsRecord())
                {
                    var tags = new List<KeyValuePair<string, object?>>(10);
                    ProcessTags.AddExit(tags, exit, _options.TracerName);
                    Log(s_exit, new ProcessRecord(tags, ProcessBodies.Exit(exit), exit.Time), ended);
                }

                if (ended is not null)
                {
                    End(ended);
                }

                break;
            case ExecFailedEvent failed:
                // A record, no span: nothing ran, and the caller's own program goes on.
                if (WantsRecord(LogLevel.Warning))
                {
                    failed = Timed(failed);
                    Log(s_failed, new ProcessRecord(FailedExecRecords.Tags(failed, _options.IncludeCommandArgs, _options.TracerName), FailedExecRecords.Body(failed), failed.Time), null, LogLevel.Warning);
                }

                break;
            case EventsLostEvent lost:
                // A gap the backend should see: spans may then end at stop rather than at an exit that was lost.
                if (WantsRecord(LogLevel.Warning))
                {
                    lost = Timed(lost);
                    Log(s_lost, new ProcessRecord(LossRecords.Tags(lost, _options.TracerName), LossRecords.Body(lost), lost.Time), null, LogLevel.Warning);
                }

                break;
            default:
                break;
        }
    }

    private bool WantsRecord(LogLevel level = LogLevel.Information) =>
        _records is not null && _records.IsEnabled(level) && (_recordGate?.TryAdmit() ?? true);

    /// <summary>An event whose time is unknown (no kernel timestamp) is given the time it is handled.</summary>
    private T Timed<T>(T item)
        where T : TraceEvent => item.Time == default ? item with { Time = _time.GetUtcNow() } : item;
}
