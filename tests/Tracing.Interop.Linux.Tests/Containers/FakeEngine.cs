using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tracing.Linux.Tests.Containers;

/// <summary>
/// A tiny HTTP/1.1 server on a Unix socket that plays an engine: it reads each request's head, records the request
/// line, and answers with what <see cref="Answer"/> gives for the path (404 when null), one request per connection.
/// </summary>
internal sealed class FakeEngine : IAsyncDisposable
{
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FakeEngine(string socketPath, Func<string, FakeAnswer?> answer)
    {
        SocketPath = socketPath;
        Answer = answer;
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(16);
        _accepting = AcceptAsync();
    }

    public string SocketPath { get; }

    public Func<string, FakeAnswer?> Answer { get; }

    /// <summary>How long to wait before answering; a slow engine.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The request lines, e.g. <c>GET /containers/web/json HTTP/1.1</c>, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Completes when the first request has arrived (its line is in <see cref="Requests"/>).</summary>
    public Task FirstRequest => _firstRequest.Task;

    /// <summary>The paths asked for.</summary>
    public IEnumerable<string> Paths => Requests.Select(line => line.Split(' ')[1]);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptAsync(_stop.Token);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using (connection)
        {
            try
            {
                var requestLine = await ReadHeadAsync(connection);
                if (requestLine is null)
                {
                    return;
                }

                Requests.Enqueue(requestLine);
                _firstRequest.TrySetResult();
                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, _stop.Token);
                }

                var answer = Answer(requestLine.Split(' ')[1]) ?? FakeAnswer.Json(HttpStatusCode.NotFound, "{\"message\":\"page not found\"}");
                var body = Encoding.UTF8.GetBytes(answer.Body);
                var head = $"HTTP/1.1 {(int)answer.Status} {answer.Status}\r\nContent-Type: application/json\r\n" +
                    string.Concat(answer.Headers.Select(h => h + "\r\n")) +
                    $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await connection.SendAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await connection.SendAsync(body, _stop.Token);
                connection.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client gave up (a timeout test) or the engine is being disposed.
            }
        }
    }

    // Up to the blank line that ends a request's head (GET requests have no body); null when the client hangs up first.
    private async Task<string?> ReadHeadAsync(Socket connection)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await connection.ReceiveAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString()[..head.ToString().IndexOf("\r\n", StringComparison.Ordinal)];
    }
}
