using System.Net;
using Tracing.Ports;

namespace Tracing.Linux.Containers;

/// <summary>
/// One engine's Unix socket and an HTTP client for it. Paths are unversioned: an engine serves them at its own API
/// version, where a fixed one (say /v1.41) is refused by engines whose minimum is newer (Docker 29 wants 1.44).
/// </summary>
internal sealed partial class EngineSocket : IDisposable
{
    // Far above any inspect answer; a bound on what a confused peer can make us buffer.
    private const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private string? _engine;

    public EngineSocket(string path, TimeSpan timeout)
    {
        Path = path;
        _timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            ConnectTimeout = timeout,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri("http://localhost/"),
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
    }

    public string Path { get; }

    /// <summary>The container the engine knows by this reference; null when it answers that it knows none.</summary>
    /// <exception cref="EngineUnreachableException">The engine could not be asked.</exception>
    /// <exception cref="ContainerLookupException">The reference is ambiguous, or the engine answered with an error.</exception>
    public async Task<ContainerRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync($"containers/{Uri.EscapeDataString(reference)}/json", cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.OK)
        {
            var container = ReadContainer(body);
            var engine = await EngineAsync(cancellationToken).ConfigureAwait(false);
            return new ContainerRecord(container.Id, container.Name, engine, container.Running, container.Pid > 0 ? container.Pid : null);
        }

        var message = EngineJson.TryReadMessage(body, out var m) ? m : null;
        if (IsAmbiguity(message))
        {
            throw new ContainerLookupException(
                ContainerLookupFailure.Ambiguous,
                $"'{reference}' is the start of more than one container's id at {Path} ({message}); give more of the id, or the name.");
        }

        return status == HttpStatusCode.NotFound
            ? null
            : throw new ContainerLookupException(
                ContainerLookupFailure.EngineError,
                $"The engine at {Path} answered {(int)status} {status} when asked about '{reference}': {message ?? "(no message)"}.");
    }

    public void Dispose() => _http.Dispose();

    // Docker: HTTP 400 "multiple IDs found with provided prefix: X" (older daemons: "Multiple IDs found with provided
    // prefix"). podman: HTTP 404 "more than one result for container ID X: container already exists" (its compat API
    // answers every lookup error as not found), which must not read as "not here, ask the next engine".
    private static bool IsAmbiguity(string? message) =>
        message is not null
        && (message.Contains("multiple IDs found with provided prefix", StringComparison.OrdinalIgnoreCase)
            || message.Contains("more than one result for container", StringComparison.OrdinalIgnoreCase));

    private InspectedContainer ReadContainer(byte[] body)
    {
        if (!EngineJson.TryReadContainer(body, out var container))
        {
            throw new ContainerLookupException(
                ContainerLookupFailure.EngineError,
                $"The engine at {Path} answered an inspect request with something other than a container (Id, Name, State.Running, State.Pid).");
        }

        if (!IsWholeId(container.Id))
        {
            throw new ContainerLookupException(
                ContainerLookupFailure.EngineError,
                $"The engine at {Path} gave the container id '{container.Id}', not 64 lowercase hex digits.");
        }

        return container;
    }

    private static bool IsWholeId(string id) => id.Length == 64 && id.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    // podman says so on every answer (Libpod-Api-Version; Docker never sends it), which spares asking /version: podman
    // answers that in half a second or more (it runs conmon and the runtime to learn their versions), past the time a
    // tracer waits for a container's name.
    private void NoteEngine(HttpResponseMessage response)
    {
        if (_engine is null && response.Headers.Contains("Libpod-Api-Version"))
        {
            _engine = "podman";
        }
    }

    // Asked once per socket after the first container it finds, unless an answer has said the engine already. An engine that will not say falls back to "docker",
    // not remembered, so a later lookup asks again.
    private async Task<string> EngineAsync(CancellationToken cancellationToken)
    {
        if (_engine is { } known)
        {
            return known;
        }

        try
        {
            var (status, body) = await GetAsync("version", cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.OK && EngineJson.TryReadEngineName(body, out var engine))
            {
                _engine = engine;
                return engine;
            }
        }
        catch (Exception e) when (e is EngineUnreachableException or ContainerLookupException)
        {
            // The container was found; only its engine's name is unknown.
        }

        return "docker";
    }
}
