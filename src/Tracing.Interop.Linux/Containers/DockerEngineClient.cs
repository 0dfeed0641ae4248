using System.Collections.Concurrent;
using Tracing.Ports;

namespace Tracing.Linux.Containers;

/// <summary>
/// The container engines of the machine through the Docker Engine API over Unix sockets (Docker's own, or podman's
/// compatible service). A socket chosen in the options or by <c>DOCKER_HOST</c> is the only one asked; otherwise every
/// default socket that exists is asked in order, and the first that knows the container wins. An ambiguous id prefix
/// ends the search at the engine that says so; an engine's error is thrown only when no later engine knows the
/// container; <see cref="ContainerLookupFailure.NoEngine"/> only when no engine could be asked at all.
/// </summary>
internal sealed class DockerEngineClient : IContainerEngine, IDisposable
{
    private readonly ContainerEngineOptions _options;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly IReadOnlyList<string> _defaultSockets;
    private readonly ConcurrentDictionary<string, EngineSocket> _sockets = new(StringComparer.Ordinal);

    public DockerEngineClient(ContainerEngineOptions options)
        : this(options, Environment.GetEnvironmentVariable)
    {
    }

    public DockerEngineClient(ContainerEngineOptions options, Func<string, string?> getEnvironmentVariable)
        : this(options, getEnvironmentVariable, ContainerEngineSockets.Defaults)
    {
    }

    /// <param name="options">The chosen socket and the timeout.</param>
    /// <param name="getEnvironmentVariable">Reads <c>DOCKER_HOST</c>.</param>
    /// <param name="defaultSockets">The sockets asked when nothing is chosen (tests give their own).</param>
    public DockerEngineClient(ContainerEngineOptions options, Func<string, string?> getEnvironmentVariable, IReadOnlyList<string> defaultSockets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(defaultSockets);
        _options = options;
        _getEnvironmentVariable = getEnvironmentVariable;
        _defaultSockets = defaultSockets;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The reference cannot be a name or an id (see <see cref="ContainerReference"/>).</exception>
    public async Task<ContainerRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        ContainerReference.Validate(reference);
        var plan = ContainerEngineSockets.Resolve(_options, _getEnvironmentVariable, _defaultSockets);
        var unreachable = new List<string>(plan.Paths.Count);
        ContainerLookupException? engineError = null;
        var anyAnswered = false;
        foreach (var path in plan.Paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(path))
            {
                unreachable.Add($"{path}: missing");
                continue;
            }

            try
            {
                var found = await Socket(path).FindAsync(reference, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    return found;
                }

                anyAnswered = true;
            }
            catch (EngineUnreachableException e)
            {
                unreachable.Add($"{path}: {e.Reason}");
            }
            catch (ContainerLookupException e) when (e.Failure == ContainerLookupFailure.EngineError)
            {
                // Another engine may still know the container; if none does, this error is the answer.
                engineError ??= e;
            }
        }

        if (engineError is not null)
        {
            throw engineError;
        }

        return anyAnswered
            ? null
            : throw new ContainerLookupException(
                ContainerLookupFailure.NoEngine,
                $"No container engine could be asked about '{reference}' ({plan.Description}): {string.Join("; ", unreachable)}.");
    }

    public void Dispose()
    {
        foreach (var socket in _sockets.Values)
        {
            socket.Dispose();
        }

        _sockets.Clear();
    }

    // One client per socket for the adapter's life, so each engine's name is asked once and connections are reused.
    private EngineSocket Socket(string path)
    {
        if (_sockets.TryGetValue(path, out var socket))
        {
            return socket;
        }

        var created = new EngineSocket(path, _options.Timeout);
        if (_sockets.TryAdd(path, created))
        {
            return created;
        }

        created.Dispose();
        return _sockets[path];
    }
}
