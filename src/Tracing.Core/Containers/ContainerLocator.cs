using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Containers;

/// <summary>
/// Finds a running container by name, id or id prefix: through the engines' API, else (for an id) by the cgroups of
/// the processes that run, which every engine's containers carry their id in.
/// </summary>
internal sealed class ContainerLocator(IProcessInfoReader reader, IContainerEngine? engine)
{
    /// <summary>The container and its first process (host pid).</summary>
    /// <exception cref="ContainerLookupException">Not found, not running, ambiguous, or a name with no engine to ask.</exception>
    public async Task<(ContainerInfo Container, int InitPid)> FindRunningAsync(string reference, CancellationToken cancellationToken)
    {
        ContainerLookupException? noEngine = null;
        if (engine is not null)
        {
            try
            {
                if (await engine.FindAsync(reference, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    return Running(found);
                }
            }
            catch (ContainerLookupException e) when (e.Failure == ContainerLookupFailure.NoEngine && IsIdPrefix(reference))
            {
                noEngine = e;
            }
        }

        if (!IsIdPrefix(reference))
        {
            throw engine is null
                ? new ContainerLookupException(ContainerLookupFailure.NoEngine, $"container '{reference}': no container engine is configured to look a name up; give the container's id.")
                : new ContainerLookupException(ContainerLookupFailure.NotFound, $"no container is named '{reference}', nor has an id starting with it.");
        }

        return FindInCgroups(reference.ToLowerInvariant(), noEngine);
    }

    private static (ContainerInfo, int) Running(ContainerRecord found)
    {
        var container = new ContainerInfo(found.Id, found.Name, found.Engine);
        if (!found.Running || found.InitPid is not int initPid)
        {
            throw new ContainerLookupException(
                ContainerLookupFailure.NotRunning,
                $"container '{found.Name}' (id {container.ShortId}, {found.Engine}) is not running; start it first.");
        }

        return (container, initPid);
    }

    // Every process whose cgroups name a container with that id prefix: one container must match.
    private (ContainerInfo, int) FindInCgroups(string prefix, ContainerLookupException? noEngine)
    {
        var members = new Dictionary<string, (string Engine, List<int> Pids)>(StringComparer.Ordinal);
        foreach (var pid in reader.EnumerateProcessIds())
        {
            if (reader.TryReadCgroups(pid, out var memberships)
                && ContainerCgroupPath.TryFind(memberships, out var id, out var engineName)
                && id.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (!members.TryGetValue(id, out var entry))
                {
                    members[id] = entry = (engineName, []);
                }

                entry.Pids.Add(pid);
            }
        }

        var asked = noEngine is null ? string.Empty : $" ({noEngine.Message})";
        switch (members.Count)
        {
            case 0:
                throw new ContainerLookupException(
                    ContainerLookupFailure.NotFound,
                    $"no running container has an id starting with '{prefix}': no process is in its cgroup{asked}.");
            case > 1:
                throw new ContainerLookupException(
                    ContainerLookupFailure.Ambiguous,
                    $"the id prefix '{prefix}' matches {members.Count} running containers: "
                    + string.Join(", ", members.Keys.Order(StringComparer.Ordinal).Select(id => id[..12])) + "; give more of the id.");
            default:
                break;
        }

        var (containerId, (engineOfShape, pids)) = members.Single();
        return (new ContainerInfo(containerId, null, engineOfShape), InitOf(pids));
    }

    // The container's first process: pid 1 in its namespace; else (no namespace of its own) the one whose parent is not in it.
    private int InitOf(List<int> pids)
    {
        var inContainer = pids.ToHashSet();
        foreach (var pid in pids)
        {
            if (reader.TryReadNamespacePid(pid, out var namespacePid) && namespacePid == 1)
            {
                return pid;
            }
        }

        foreach (var pid in pids.Order())
        {
            if (reader.TryReadStat(pid, out var stat) && !inContainer.Contains(stat.ParentPid))
            {
                return pid;
            }
        }

        return pids.Min();
    }

    private static bool IsIdPrefix(string reference) =>
        reference.Length is > 0 and <= 64 && reference.All(char.IsAsciiHexDigit);
}
