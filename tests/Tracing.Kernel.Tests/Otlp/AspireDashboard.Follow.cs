namespace Tracing.Kernel.Tests.Otlp;

// The API's follow mode (follow=true): what the dashboard holds, then each item as it arrives, one JSON line each.
public sealed partial class AspireDashboard
{
    /// <summary>
    /// Returns once the dashboard holds at least <paramref name="records"/> log records and <paramref name="spans"/>
    /// spans: told by its follow streams as they arrive, not polled.
    /// </summary>
    /// <exception cref="OperationCanceledException">They did not all arrive within <paramref name="bound"/>.</exception>
    public async Task WaitForAsync(int records, int spans, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        await Task.WhenAll(
            FollowAsync("api/telemetry/logs?follow=true", records, timeout.Token),
            FollowAsync("api/telemetry/spans?follow=true", spans, timeout.Token));
    }

    private async Task FollowAsync(string pathAndQuery, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return;
        }

        using var response = await _api.GetAsync(new Uri(pathAndQuery, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var seen = 0;
        while (seen < count && await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                seen++;
            }
        }
    }
}
