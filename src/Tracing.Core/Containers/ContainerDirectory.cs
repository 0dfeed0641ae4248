using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Containers;

/// <summary>
/// Which container a process is in, from its cgroups, each cgroup path looked up once: the id and engine from the
/// path's shape, the name from the engine (asked once per container, within a bounded wait, never waited for on the
/// receive thread). Callers serialise access (the session's lock).
/// </summary>
/// <param name="engine">The engines to ask for names; null for none.</param>
/// <param name="engineWait">How long to wait for an engine's answer.</param>
/// <param name="known">A container known already (the one a container filter traces): never asked for.</param>
/// <param name="retryAfter">How long after an engine failed to answer (an error, or no answer in time) it is asked again; default 30 s.</param>
internal sealed class ContainerDirectory(IContainerEngine? engine, TimeSpan engineWait, ContainerInfo? known = null, TimeSpan? retryAfter = null)
{
    /// <summary>The id of the made-up container the warm-up looks up: no container has it.</summary>
    internal const string MadeUpId = "0000000000000000000000000000000000000000000000000000000000000000";

    // Bounded: a machine that starts containers all day must not grow this without end.
    private const int MaxPaths = 4096;

    private readonly Dictionary<string, string?> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _askAgainAt = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string?> _byCgroupId = [];
    private readonly long _retryAfterMs = (long)(retryAfter ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
    private IReadOnlyList<CgroupMembership>? _lastMemberships;
    private string? _lastId;
    private readonly Dictionary<string, ContainerInfo> _byId = known is null ? new(StringComparer.Ordinal) : new(StringComparer.Ordinal) { [known.Id] = known };

    /// <summary>
    /// Compiles the lookup of a container's cgroup on the calling thread (the receive thread's warm-up) without keeping
    /// it or asking the engine. The engine client is left cold: it costs memory and JIT time that a machine without
    /// containers should not pay, and its first answer delays only the delivery of the first container's events.
    /// </summary>
    public static void WarmUp()
    {
        _ = ContainerCgroupPath.TryParse("/system.slice/docker-" + MadeUpId + ".scope", out _, out _);
        _ = ContainerScope.IsWithin([new CgroupMembership(string.Empty, "/docker/" + MadeUpId)], MadeUpId);
    }

    /// <summary>
    /// The container of a process with these cgroups, as known now; null for a host process. A container seen for the
    /// first time is returned unnamed, and <paramref name="naming"/> is the engine's answer to come (null when no
    /// engine is asked): give it to <see cref="Named"/> when it completes. The receive thread never waits for it.
    /// </summary>
    /// <param name="memberships">The process's cgroups.</param>
    /// <param name="naming">The engine's answer to come, for a container seen for the first time (or asked again).</param>
    /// <param name="unifiedCgroupId">The id of the process's cgroup v2 cgroup, when the platform gave it (else 0): later processes of that cgroup are answered by it.</param>
    public ContainerInfo? Of(IReadOnlyList<CgroupMembership> memberships, out Task<ContainerRecord?>? naming, ulong unifiedCgroupId = 0)
    {
        naming = null;

        // A reader may give the same list for the same cgroups (Linux's does): then one lookup, by reference, answers.
        ContainerInfo? found;
        if (ReferenceEquals(memberships, _lastMemberships))
        {
            found = _lastId is not null && _byId.TryGetValue(_lastId, out var last) ? last : null;
        }
        else
        {
            found = Find(memberships, out naming);
            (_lastMemberships, _lastId) = (memberships, found?.Id);
        }

        if (unifiedCgroupId != 0)
        {
            Keep(_byCgroupId, unifiedCgroupId, found?.Id);
        }

        naming ??= AskAgainIfDue(found);
        return found;
    }

    /// <summary>
    /// The container of a process in the cgroup v2 cgroup <paramref name="unifiedCgroupId"/>, when a process of that
    /// cgroup was looked up before (<see cref="Of"/>); false when none was, and its cgroups must be read.
    /// </summary>
    public bool TryOf(ulong unifiedCgroupId, out ContainerInfo? container, out Task<ContainerRecord?>? naming)
    {
        naming = null;
        container = null;
        if (!_byCgroupId.TryGetValue(unifiedCgroupId, out var id))
        {
            return false;
        }

        container = id is not null && _byId.TryGetValue(id, out var known) ? known : null;
        naming = AskAgainIfDue(container);
        return true;
    }

    // An engine that failed to answer (busy, restarting) is asked again, a while later.
    private Task<ContainerRecord?>? AskAgainIfDue(ContainerInfo? container)
    {
        if (container is { Name: null } && _askAgainAt.TryGetValue(container.Id, out var at) && Environment.TickCount64 >= at)
        {
            _askAgainAt.Remove(container.Id);
            return Ask(container.Id);
        }

        return null;
    }

    private ContainerInfo? Find(IReadOnlyList<CgroupMembership> memberships, out Task<ContainerRecord?>? naming)
    {
        naming = null;
        foreach (var membership in memberships)
        {
            if (!_byPath.TryGetValue(membership.Path, out var id))
            {
                id = ContainerCgroupPath.TryParse(membership.Path, out var parsed, out var engineOfShape) ? parsed : null;
                if (id is not null && !_byId.ContainsKey(id))
                {
                    Keep(_byId, id, new ContainerInfo(id, null, engineOfShape!));
                    naming = Ask(id);
                }

                Keep(_byPath, membership.Path, id);
            }

            if (id is not null && _byId.TryGetValue(id, out var container))
            {
                return container;
            }
        }

        return null;
    }

    /// <summary>The engine's answer for <paramref name="id"/>: its name (and engine) from now on, when it knows it.</summary>
    public void Named(string id, Task<ContainerRecord?> naming)
    {
        if (!naming.IsCompletedSuccessfully)
        {
            // No answer (an error, or none in time): unnamed for now, asked again later. "Not known" is an answer.
            if (naming.IsCompleted)
            {
                Keep(_askAgainAt, id, Environment.TickCount64 + _retryAfterMs);
            }
        }
        else if (naming.Result is { } found && found.Id == id)
        {
            Keep(_byId, id, new ContainerInfo(id, found.Name, found.Engine));
        }
    }

    /// <summary>The container as known now: named, when the engine has answered since <paramref name="container"/> was read.</summary>
    public ContainerInfo Current(ContainerInfo container) =>
        container.Name is null && _byId.TryGetValue(container.Id, out var now) ? now : container;

    // Asked once per container and bounded, whatever the engine does with the token; an engine that does not know it,
    // fails, or does not answer in time leaves it unnamed (its id and the engine its cgroup's shape names).
    private Task<ContainerRecord?>? Ask(string id)
    {
        if (engine is null)
        {
            return null;
        }

        try
        {
            return engine.FindAsync(id, CancellationToken.None).WaitAsync(engineWait);
        }
        catch (ContainerLookupException e)
        {
            // Thrown before a task was made: as a failed answer.
            return Task.FromException<ContainerRecord?>(e);
        }
    }

    // Bounded: a machine that starts containers all day must not grow these without end.
    private static void Keep<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (map.Count >= MaxPaths && !map.ContainsKey(key))
        {
            map.Clear();
        }

        map[key] = value;
    }
}
