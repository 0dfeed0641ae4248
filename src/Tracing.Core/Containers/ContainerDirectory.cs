using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Containers;

/// <summary>
/// Which container a process is in, from its cgroups, each cgroup path looked up once: the id and engine from the
/// path's shape, the name from the engine (asked once per container, within a bounded wait). Used on the receive
/// thread only.
/// </summary>
/// <param name="engine">The engines to ask for names; null for none.</param>
/// <param name="engineWait">How long to wait for an engine's answer.</param>
/// <param name="known">A container known already (the one a container filter traces): never asked for.</param>
internal sealed class ContainerDirectory(IContainerEngine? engine, TimeSpan engineWait, ContainerInfo? known = null)
{
    /// <summary>The id the warm-up asks the engine for: no container has it.</summary>
    internal const string MadeUpId = "0000000000000000000000000000000000000000000000000000000000000000";

    // Bounded: a machine that starts containers all day must not grow this without end.
    private const int MaxPaths = 4096;

    private readonly Dictionary<string, ContainerInfo?> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContainerInfo> _byId = known is null ? new(StringComparer.Ordinal) : new(StringComparer.Ordinal) { [known.Id] = known };

    /// <summary>
    /// Compiles the lookup of a container's cgroup on the calling thread (the receive thread's warm-up) without
    /// keeping it or asking the engine, and has the engine client make its first request off that thread, so the
    /// first container seen does not wait for the JIT or a first connection.
    /// </summary>
    public void WarmUp()
    {
        _ = ContainerCgroupPath.TryParse("/system.slice/docker-" + MadeUpId + ".scope", out _, out _);
        _ = ContainerScope.IsWithin([new CgroupMembership(string.Empty, "/docker/" + MadeUpId)], MadeUpId);
        if (engine is not null)
        {
            // An id no container has: the engine answers "not found" (or nothing); either way the client is ready.
            _ = Task.Run(async () =>
            {
                using var timeout = new CancellationTokenSource(engineWait * 5);
                try
                {
                    await engine.FindAsync(MadeUpId, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ContainerLookupException or OperationCanceledException)
                {
                    // Nothing to report: the warm-up only prepares the client.
                }
            });
        }
    }

    /// <summary>The container of a process with these cgroups; null for a host process.</summary>
    public ContainerInfo? Of(IReadOnlyList<CgroupMembership> memberships)
    {
        foreach (var membership in memberships)
        {
            if (!_byPath.TryGetValue(membership.Path, out var container))
            {
                container = Parse(membership.Path);
                if (_byPath.Count >= MaxPaths)
                {
                    _byPath.Clear();
                }

                _byPath[membership.Path] = container;
            }

            if (container is not null)
            {
                return container;
            }
        }

        return null;
    }

    private ContainerInfo? Parse(string path)
    {
        if (!ContainerCgroupPath.TryParse(path, out var id, out var engineOfShape))
        {
            return null;
        }

        if (!_byId.TryGetValue(id, out var container))
        {
            container = Describe(id, engineOfShape);
            if (_byId.Count >= MaxPaths)
            {
                _byId.Clear();
            }

            _byId[id] = container;
        }

        return container;
    }

    // The engine names it when it knows it; a container it does not know (or an engine that does not answer in time)
    // keeps its id and the engine its cgroup's shape names, and is not asked again.
    private ContainerInfo Describe(string id, string engineOfShape)
    {
        if (engine is not null)
        {
            try
            {
                // Waited for on the receive thread, once per container: bounded, whatever the engine does with the token.
                using var timeout = new CancellationTokenSource(engineWait);
                var asking = engine.FindAsync(id, timeout.Token);
                if (asking.Wait(engineWait) && asking.Result is { } found && found.Id == id)
                {
                    return new ContainerInfo(id, found.Name, found.Engine);
                }
            }
            catch (Exception e) when (e is AggregateException or ContainerLookupException)
            {
                // Unnamed, as documented: the name is null when no engine answers (or it answered with an error). The
                // error may come as a faulted task or thrown before it: either way the receive thread goes on.
            }
        }

        return new ContainerInfo(id, null, engineOfShape);
    }
}
