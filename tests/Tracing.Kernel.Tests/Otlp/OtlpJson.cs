using System.Globalization;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>Reads OTLP JSON (resourceLogs, resourceSpans) into <see cref="DashboardLogRecord"/> and <see cref="DashboardSpan"/>.</summary>
internal static class OtlpJson
{
    public static IReadOnlyList<DashboardLogRecord> ReadLogs(JsonElement data)
    {
        var records = new List<DashboardLogRecord>();
        foreach (var resourceLogs in Items(data, "resourceLogs"))
        {
            var resource = ResourceAttributes(resourceLogs);
            foreach (var scopeLogs in Items(resourceLogs, "scopeLogs"))
            {
                var scope = ScopeName(scopeLogs);
                foreach (var log in Items(scopeLogs, "logRecords"))
                {
                    records.Add(new DashboardLogRecord(
                        resource,
                        scope,
                        String(log, "eventName"),
                        log.TryGetProperty("body", out var body) ? ReadValue(body) : null,
                        UInt64(log, "timeUnixNano"),
                        log.TryGetProperty("severityNumber", out var severity) ? severity.GetInt32() : 0,
                        String(log, "severityText"),
                        String(log, "traceId"),
                        String(log, "spanId"),
                        KeyValues(log, "attributes")));
                }
            }
        }

        return records;
    }

    public static IReadOnlyList<DashboardSpan> ReadSpans(JsonElement data)
    {
        var spans = new List<DashboardSpan>();
        foreach (var resourceSpans in Items(data, "resourceSpans"))
        {
            var resource = ResourceAttributes(resourceSpans);
            foreach (var scopeSpans in Items(resourceSpans, "scopeSpans"))
            {
                var scope = ScopeName(scopeSpans);
                foreach (var span in Items(scopeSpans, "spans"))
                {
                    var hasStatus = span.TryGetProperty("status", out var status);
                    spans.Add(new DashboardSpan(
                        resource,
                        scope,
                        span.GetProperty("traceId").GetString()!,
                        span.GetProperty("spanId").GetString()!,
                        String(span, "parentSpanId"),
                        span.GetProperty("name").GetString()!,
                        span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0,
                        UInt64(span, "startTimeUnixNano"),
                        UInt64(span, "endTimeUnixNano"),
                        hasStatus && status.TryGetProperty("code", out var code) ? code.GetInt32() : 0,
                        hasStatus ? String(status, "message") : null,
                        KeyValues(span, "attributes")));
                }
            }
        }

        return spans;
    }

    /// <summary>
    /// An OTLP AnyValue as found: string, long (intValue, a JSON string or number), bool, double, byte[] (bytesValue,
    /// base64), an array of values, a dictionary (kvlistValue), or null for an empty value.
    /// </summary>
    public static object? ReadValue(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            return property.Name switch
            {
                "stringValue" => v.GetString(),
                "intValue" => v.ValueKind == JsonValueKind.String ? long.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetInt64(),
                "boolValue" => v.GetBoolean(),
                "doubleValue" => v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDouble(),
                "bytesValue" => v.GetBytesFromBase64(),
                "arrayValue" => Items(v, "values").Select(ReadValue).ToArray(),
                "kvlistValue" => KeyValues(v, "values"),
                _ => throw new FormatException($"Unknown OTLP value {property.Name}: {value}"),
            };
        }

        return null;
    }

    private static Dictionary<string, object?> ResourceAttributes(JsonElement owner) =>
        owner.TryGetProperty("resource", out var resource) ? KeyValues(resource, "attributes") : [];

    private static Dictionary<string, object?> KeyValues(JsonElement owner, string name)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in Items(owner, name))
        {
            attributes[pair.GetProperty("key").GetString()!] = pair.TryGetProperty("value", out var v) ? ReadValue(v) : null;
        }

        return attributes;
    }

    private static string ScopeName(JsonElement scoped) =>
        scoped.TryGetProperty("scope", out var scope) ? String(scope, "name") ?? "" : "";

    private static JsonElement[] Items(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static string? String(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static ulong UInt64(JsonElement owner, string name) =>
        !owner.TryGetProperty(name, out var value) ? 0
        : value.ValueKind == JsonValueKind.String ? ulong.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : value.GetUInt64();
}
