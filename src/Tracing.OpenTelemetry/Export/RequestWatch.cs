namespace Tracing.OpenTelemetry.Export;

/// <summary>
/// Watches the exporters' requests to the collector: whether the last one failed (it could not connect, or the answer
/// was not a success), known at once, while the exporter may still be retrying its batch. What it sends is untouched.
/// </summary>
internal sealed class RequestWatch : DelegatingHandler
{
    private int _lastFailed;

    public RequestWatch()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>True when the last request failed: the collector is down, unreachable or refusing.</summary>
    public bool LastFailed => Volatile.Read(ref _lastFailed) != 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastFailed, response.IsSuccessStatusCode ? 0 : 1);
            return response;
        }
        catch
        {
            Volatile.Write(ref _lastFailed, 1);
            throw;
        }
    }
}
