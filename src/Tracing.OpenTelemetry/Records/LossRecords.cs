using System.Globalization;
using Tracing.Events;

namespace Tracing.OpenTelemetry.Records;

/// <summary>A loss the tracer reported, as a log record (<c>tracing.events.lost</c>, severity Warning).</summary>
internal static class LossRecords
{
    public const string Reason = "tracing.loss.reason";
    public const string Count = "tracing.loss.count";
    public const string Exact = "tracing.loss.exact";

    public static List<KeyValuePair<string, object?>> Tags(EventsLostEvent lost, string? tracerName)
    {
        var tags = new List<KeyValuePair<string, object?>>(6)
        {
            new(Reason, LossReasonNames.Get(lost.Reason)),
            new(Count, lost.Count),
            new(Exact, lost.IsExact),
        };
        if (lost.Pid != 0)
        {
            tags.Add(new(ProcessAttributes.Pid, lost.Pid));
        }

        if (tracerName is not null)
        {
            tags.Add(new(ProcessAttributes.TracerName, tracerName));
        }

        return tags;
    }

    public static string Body(EventsLostEvent lost) => lost.Reason switch
    {
        LossReason.KernelBufferOverflow => string.Create(CultureInfo.InvariantCulture,
            $"the kernel dropped {(lost.IsExact ? string.Empty : "at least ")}{lost.Count} event(s); the process tree was resynchronised"),
        LossReason.ScopeUndecided => string.Create(CultureInfo.InvariantCulture,
            $"pid {lost.Pid} exec'd and ended before its scope could be decided; not reported"),
        LossReason.MatchUndecided => string.Create(CultureInfo.InvariantCulture,
            $"pid {lost.Pid} exec'd and ended before its conditions could be decided; not reported"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{lost.Count} event(s) lost ({LossReasonNames.Get(lost.Reason)})"),
    };
}
