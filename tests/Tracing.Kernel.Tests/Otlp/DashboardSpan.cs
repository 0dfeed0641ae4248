namespace Tracing.Kernel.Tests.Otlp;

/// <summary>One OTLP span as the dashboard gives it back.</summary>
/// <param name="ResourceAttributes">Its resource's attributes (the dashboard adds <c>service.instance.id</c>, null when not sent).</param>
/// <param name="ScopeName">The instrumentation scope: for an <c>ActivitySource</c>, its name.</param>
/// <param name="TraceId">Lowercase hex.</param>
/// <param name="SpanId">Lowercase hex.</param>
/// <param name="ParentSpanId">Lowercase hex, or null for a root span.</param>
/// <param name="Name">The span's name.</param>
/// <param name="Kind">OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</param>
/// <param name="StartTimeUnixNano">Its start; the dashboard keeps it to 100 ns (a DateTime tick).</param>
/// <param name="EndTimeUnixNano">Its end, to 100 ns.</param>
/// <param name="StatusCode">OTLP status code: 0 unset, 1 ok, 2 error.</param>
/// <param name="StatusMessage">The status message, or null.</param>
/// <param name="Attributes">Its attributes.</param>
public sealed record DashboardSpan(
    IReadOnlyDictionary<string, object?> ResourceAttributes,
    string ScopeName,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    ulong StartTimeUnixNano,
    ulong EndTimeUnixNano,
    int StatusCode,
    string? StatusMessage,
    IReadOnlyDictionary<string, object?> Attributes);
