namespace Tracing.Kernel.Tests.Otlp;

/// <summary>One OTLP log record as the dashboard gives it back.</summary>
/// <param name="ResourceAttributes">Its resource's attributes (the dashboard adds <c>service.instance.id</c>, null when not sent).</param>
/// <param name="ScopeName">The instrumentation scope: for an <c>ILogger</c>, its category.</param>
/// <param name="EventName">The OTLP <c>eventName</c> field, or null.</param>
/// <param name="Body">The body's value (see <see cref="OtlpJson.ReadValue"/>), or null.</param>
/// <param name="TimeUnixNano">The record's time; the dashboard keeps it to 100 ns (a DateTime tick).</param>
/// <param name="SeverityNumber">OTLP severity number (9 is INFO, 13 WARN, 17 ERROR).</param>
/// <param name="SeverityText">OTLP severity text, or null.</param>
/// <param name="TraceId">Lowercase hex, or null.</param>
/// <param name="SpanId">Lowercase hex, or null.</param>
/// <param name="Attributes">Its attributes; the dashboard adds <c>aspire.log_id</c>.</param>
public sealed record DashboardLogRecord(
    IReadOnlyDictionary<string, object?> ResourceAttributes,
    string ScopeName,
    string? EventName,
    object? Body,
    ulong TimeUnixNano,
    int SeverityNumber,
    string? SeverityText,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, object?> Attributes);
