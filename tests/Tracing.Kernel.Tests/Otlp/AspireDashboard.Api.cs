using System.Text.Json;

namespace Tracing.Kernel.Tests.Otlp;

// The dashboard's telemetry API (GET /api/telemetry/logs, /traces, /spans, /resources): OTLP JSON inside
// {"data": {...}, "totalCount": n, "returnedCount": m}. Parameters: resource, traceId, severity (logs), hasError
// (spans, traces), limit (default 200 logs or spans, 100 traces; the most recent are kept). Every attribute value
// comes back as a stringValue: the dashboard stores attributes as strings when it receives them.
public sealed partial class AspireDashboard
{
    // The API gives the most recent `limit` items and says how many it held; a read that was cut fails.
    private const int ReadLimit = 1_000_000;

    /// <summary>Every log record the dashboard holds, by time (records within one 100 ns tick in no set order).</summary>
    public async Task<IReadOnlyList<DashboardLogRecord>> GetLogsAsync(CancellationToken cancellationToken = default)
    {
        using var document = await GetAsync($"api/telemetry/logs?limit={ReadLimit}", cancellationToken);
        return OtlpJson.ReadLogs(document.RootElement.GetProperty("data"));
    }

    /// <summary>Every span of every trace the dashboard holds.</summary>
    public async Task<IReadOnlyList<DashboardSpan>> GetTracesAsync(CancellationToken cancellationToken = default)
    {
        using var document = await GetAsync($"api/telemetry/traces?limit={ReadLimit}", cancellationToken);
        return OtlpJson.ReadSpans(document.RootElement.GetProperty("data"));
    }

    /// <summary>The raw answer of one API call, for a look at what the dashboard keeps.</summary>
    public async Task<string> GetRawAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        using var response = await _api.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"GET {pathAndQuery}: {(int)response.StatusCode} {body}\nThe dashboard's output:\n{Output}");
    }

    private async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var document = JsonDocument.Parse(await GetRawAsync(pathAndQuery, cancellationToken));
        var total = document.RootElement.GetProperty("totalCount").GetInt32();
        var returned = document.RootElement.GetProperty("returnedCount").GetInt32();
        if (total != returned)
        {
            document.Dispose();
            throw new InvalidOperationException($"GET {pathAndQuery} returned {returned} of {total} items.");
        }

        return document;
    }
}
