using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Tracing.Ports;

namespace Tracing.Linux.Containers;

internal sealed partial class EngineSocket
{
    // One request, connection and answer together within the timeout; the caller's cancellation stays its own.
    private async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            NoteEngine(response);
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EngineUnreachableException($"no answer within {Seconds(_timeout)}", e);
        }
        catch (HttpRequestException e) when (FindSocketError(e) is { } socketError)
        {
            throw new EngineUnreachableException(Reason(socketError), e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new EngineUnreachableException(e.Message, e);
        }
        catch (HttpRequestException e)
        {
            throw new ContainerLookupException(
                ContainerLookupFailure.EngineError,
                $"The engine at {Path} did not answer in HTTP ({e.HttpRequestError}): {e.Message}",
                e);
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SocketError? FindSocketError(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socketException)
            {
                return socketException.SocketErrorCode;
            }
        }

        return null;
    }

    /// <summary>Why a connection failed, in the words the NoEngine message uses.</summary>
    internal static string Reason(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listens on it: is the engine running?)",
        SocketError.AccessDenied => "permission denied (needs root or membership of the socket's group)",
        SocketError.AddressNotAvailable => "missing",
        _ => $"cannot connect ({error})",
    };

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
