using Tracing.Events;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>
/// With a launched command: only its subtree's events pass, and those that arrive before the launcher has returned
/// the command's pid wait until it has. Callers serialise access (the session's lock).
/// </summary>
/// <remarks>
/// The tracer is the tree's root and the command one of its branches. With <paramref name="claimsTracerChildren"/>
/// the command's subtree is every branch but those of children the tracer had before tracing started: when the
/// tracing process forks nothing but the command, a child of it forked since is the command's own helper, made with
/// <c>clone(CLONE_PARENT)</c> (the kernel names the command's parent, the tracer, as its parent), and nothing in the
/// kernel's events tells it from a child of the tracer's own. Without, it is the command's branch alone.
/// </remarks>
/// <param name="publish">Delivers an event of the command's subtree.</param>
/// <param name="tree">The tracer's subtree.</param>
/// <param name="claimsTracerChildren">Whether the tracer's other children forked since tracing started are the command's.</param>
internal sealed class CommandGate(Action<TraceEvent> publish, ProcessTree tree, bool claimsTracerChildren)
{
    private readonly List<(int Branch, TraceEvent Event)> _pending = [];
    private readonly HashSet<int> _exitedBeforeLaunch = [];
    private readonly HashSet<int> _existingBranches = [];
    private int _launchedPid;
    private bool _resynchronizedSinceLaunch;
    private Func<int, bool>? _countedBranches;

    /// <summary>Completes when the command's own exit has been seen.</summary>
    public TaskCompletionSource ExitSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the command and every process of its subtree have ended (daemons it left behind too).</summary>
    public TaskCompletionSource SubtreeEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The tree was seeded: the tracer's children that exist now (and their descendants) are not the command's.
    /// Called before the launch.
    /// </summary>
    public void ExcludeExisting()
    {
        foreach (var node in tree.Nodes)
        {
            if (node.Branch != 0)
            {
                _existingBranches.Add(node.Branch);
            }
        }
    }

    /// <summary>An event of a tracked process: published when it is of the command's subtree, held while that is not yet known.</summary>
    public void Offer(ProcessNode node, TraceEvent item)
    {
        if (_launchedPid == 0)
        {
            _pending.Add((node.Branch, item));
        }
        else if (IsCommands(node.Branch))
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

            CheckSubtree();
        }
        else if (node is not null && node.Branch == pid)
        {
            // A direct child that ended before the launcher returned its pid: perhaps the command itself.
            _exitedBeforeLaunch.Add(pid);
        }
    }

    /// <summary>
    /// The tree was rebuilt from the processes that exist (after a kernel loss): whatever it holds of the command's
    /// subtree now lives, so an empty subtree has ended even when the command's exit was among the lost.
    /// </summary>
    public void OnResynchronized()
    {
        if (_launchedPid != 0)
        {
            _resynchronizedSinceLaunch = true;
            CheckSubtree();
        }
    }

    /// <summary>The launcher returned the command's pid: what was held for its subtree is published, the rest dropped.</summary>
    public void Launched(int pid)
    {
        // Its pid is the command's now, whatever had it when the tree was seeded.
        _existingBranches.Remove(pid);
        _launchedPid = pid;
        foreach (var (branch, item) in _pending)
        {
            if (IsCommands(branch))
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
        CheckSubtree();
    }

    // Branch 0 is the tracer itself.
    private bool IsCommands(int branch) =>
        claimsTracerChildren ? branch != 0 && !_existingBranches.Contains(branch) : branch == _launchedPid;

    // Until the command's exit was seen, an empty subtree may only mean that its fork has not been read yet. The tree
    // follows by fork, not by current parent: a daemon that double-forked out to init is still in its branch.
    private void CheckSubtree()
    {
        if ((ExitSeen.Task.IsCompleted || _resynchronizedSinceLaunch) && tree.CountLive(_countedBranches ??= IsCommands) == 0)
        {
            SubtreeEnded.TrySetResult();
        }
    }
}
