using Tracing.Events;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>
/// With a launched command: only its subtree's events pass, and those that arrive before the launcher has returned
/// the command's pid wait until it has. Callers serialise access (the session's lock).
/// </summary>
internal sealed class CommandGate(Action<TraceEvent> publish)
{
    private readonly List<(int Branch, TraceEvent Event)> _pending = [];
    private readonly HashSet<int> _exitedBeforeLaunch = [];
    private int _launchedPid;

    /// <summary>Completes when the command's own exit has been seen.</summary>
    public TaskCompletionSource ExitSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>An event of a tracked process: published when it is of the command's subtree, held while that is not yet known.</summary>
    public void Offer(ProcessNode node, TraceEvent item)
    {
        if (_launchedPid == 0)
        {
            _pending.Add((node.Branch, item));
        }
        else if (node.Branch == _launchedPid)
        {
            publish(item);
        }
    }

    /// <summary>A process ended.</summary>
    public void OnProcessEnded(int pid, ProcessNode? node)
    {
        if (_launchedPid != 0)
        {
            if (pid == _launchedPid)
            {
                ExitSeen.TrySetResult();
            }
        }
        else if (node is not null && node.Branch == pid)
        {
            // A direct child that ended before the launcher returned its pid: perhaps the command itself.
            _exitedBeforeLaunch.Add(pid);
        }
    }

    /// <summary>The launcher returned the command's pid: what was held for its subtree is published, the rest dropped.</summary>
    public void Launched(int pid)
    {
        _launchedPid = pid;
        foreach (var (branch, item) in _pending)
        {
            if (branch == pid)
            {
                publish(item);
            }
        }

        _pending.Clear();
        if (_exitedBeforeLaunch.Contains(pid))
        {
            ExitSeen.TrySetResult();
        }

        _exitedBeforeLaunch.Clear();
    }
}
