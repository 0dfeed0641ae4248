using Tracing.Containers;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Tracer.Session;

/// <summary>
/// Names each event's container without stopping the receive thread: while an engine is asked about a container seen
/// for the first time (once, within a bounded wait), the events from then on are held, in order, and delivered named
/// when it has answered (or not: then unnamed). The process is read at once all the same. Callers hold the session's
/// lock; the answer takes it too.
/// </summary>
internal sealed class ContainerNaming(Lock gate, Action<TraceEvent> deliver, IContainerEngine? engine, TimeSpan engineWait, ContainerInfo? known)
{
    private readonly ContainerDirectory _directory = new(engine, engineWait, known);
    private readonly List<TraceEvent> _held = [];
    // The engine's answers awaited, by container id: while any is, events are held.
    private readonly Dictionary<string, Task<ContainerRecord?>> _pending = new(StringComparer.Ordinal);
    private bool _released;

    /// <summary>The container of a process with these cgroups (see <see cref="ContainerDirectory.Of"/>); a new one is asked about.</summary>
    public ContainerInfo? Of(IReadOnlyList<CgroupMembership> memberships, ulong unifiedCgroupId = 0) =>
        Track(_directory.Of(memberships, out var naming, unifiedCgroupId), naming);

    /// <summary>The container of a process in a cgroup v2 cgroup seen before (see <see cref="ContainerDirectory.TryOf"/>).</summary>
    public bool TryOf(ulong unifiedCgroupId, out ContainerInfo? container)
    {
        if (!_directory.TryOf(unifiedCgroupId, out container, out var naming))
        {
            return false;
        }

        container = Track(container, naming);
        return true;
    }

    // Holds what follows while the engine is asked about the container (unless it answered at once).
    private ContainerInfo? Track(ContainerInfo? container, Task<ContainerRecord?>? naming)
    {
        if (naming is null)
        {
            return container;
        }

        var id = container!.Id;
        if (naming.IsCompleted)
        {
            // Answered at once (a cached or failed answer): nothing to hold.
            _directory.Named(id, naming);
            return _directory.Current(container);
        }

        if (!_released)
        {
            _pending[id] = naming;
            _ = naming.ContinueWith(
                answered => Answered(id, answered), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        return container;
    }

    /// <summary>Compiles the container path on the receive thread (the engine client stays cold until a container is seen).</summary>
    public static void WarmUp() => ContainerDirectory.WarmUp();

    /// <summary>Delivers an event, or holds it while an engine is being asked.</summary>
    public void Publish(TraceEvent item)
    {
        if (_pending.Count > 0)
        {
            _held.Add(item);
        }
        else
        {
            deliver(Named(item));
        }
    }

    /// <summary>The run ends: what is held is delivered as known now, and nothing is held from now on.</summary>
    public void Release()
    {
        _released = true;
        foreach (var (id, naming) in _pending)
        {
            // Answers already in, whose delivery waits for this lock, still name what is held.
            _directory.Named(id, naming);
        }

        _pending.Clear();
        DeliverHeld();
    }

    private void Answered(string id, Task<ContainerRecord?> answered)
    {
        lock (gate)
        {
            _directory.Named(id, answered);
            if (_pending.Remove(id) && !_released && _pending.Count == 0)
            {
                DeliverHeld();
            }
        }
    }

    private void DeliverHeld()
    {
        foreach (var item in _held)
        {
            deliver(Named(item));
        }

        _held.Clear();
    }

    // An event read before its container's name was known carries it once it is.
    private TraceEvent Named(TraceEvent item) => item switch
    {
        ExecEvent { Container: { Name: null } container } exec when _directory.Current(container) is { Name: not null } named => exec with { Container = named },
        ExitEvent { Container: { Name: null } container } exit when _directory.Current(container) is { Name: not null } named => exit with { Container = named },
        _ => item,
    };
}
