using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Tracing.OpenTelemetry.Tests.Fakes;

/// <summary>
/// A collector that speaks just enough OTLP over http/protobuf: it keeps each request's path and body and answers 200,
/// at once or, held, only once <see cref="Release"/> is called.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;

    public OtlpReceiver(bool held = false)
    {
        if (!held)
        {
            _released.SetResult();
        }

        // A port free a moment ago; another taker in between is retried.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Endpoint = new Uri($"http://127.0.0.1:{port}");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Prefixes.Clear();
            }
        }

        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Requests { get; } = new();

    /// <summary>A loopback port nobody listens on (as far as anyone can know).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Release() => _released.TrySetResult();

    public byte[] Body(string path) => [.. Requests.Where(r => r.Path == path).SelectMany(r => r.Body)];

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        var answering = new List<Task>();
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            answering.Add(AnswerAsync(context));
        }

        await Task.WhenAll(answering).ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            Requests.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            await _released.Task.ConfigureAwait(false);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The exporter gave up on it, or the receiver is closing.
        }
    }
}
