using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Tracing.OpenTelemetry.Records;

/// <summary>
/// Gives an exec's or exit's log record the kernel's time of the event (the record's <c>time_unix_nano</c>); the time
/// it was logged stays as its observed time. Added before the exporters, so they see it.
/// </summary>
internal sealed class ProcessRecordTimestamps : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.Attributes is ProcessRecord record)
        {
            data.Timestamp = record.Time.UtcDateTime;
        }
    }
}
