using System.Runtime.CompilerServices;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>
/// An exec: the tree follows it, the filter says whether it is in scope, the conditions whether it is reported
/// (<see cref="ExecTracingOptions.Conditions"/>), and only then is it read.
/// </summary>
internal sealed partial class SessionSink
{
    private readonly ExecConditions _conditions;
    private readonly ExecFacts _facts;

    /// <summary>The conditions, as they were when the run started.</summary>
    internal ExecConditions Conditions => _conditions;

    /// <summary>The facts of the exec being handled, shared by the conditions and the reader.</summary>
    internal ExecFacts Facts => _facts;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnExec(in KernelEvent kernelEvent)
    {
        var pid = kernelEvent.Tgid;
        ProcessNode? node = null;
        if (_tree is not null)
        {
            if (_tree.RootPid is null)
            {
                node = _tree.GetOrAdd(pid, kernelEvent.ParentTgid);
            }
            else if (!_tree.TryGet(pid, out node))
            {
                return;
            }

            // Whichever thread exec'd, the process is one thread now; in scope or not, the tree follows the kernel.
            _tree.OnExec(pid, kernelEvent.TimestampNs);
        }

        if (!kernelEvent.InScope && !InScope(pid, kernelEvent.TimestampNs))
        {
            return;
        }

        if (!Matches(kernelEvent))
        {
            return;
        }

        var exec = _execs.Read(
            kernelEvent, ParentOf.ExecKnown(node, kernelEvent), _facts, node is null ? null : Math.Max(0, node.Depth - _filter.TopDepth), node?.NearestReported());
        if (node is not null)
        {
            if (node.Orphaned)
            {
                _tree!.Reparent(node, exec.ParentPid);
            }

            node.OnReported(exec);
        }

        PublishScoped(node, exec);
    }

    /// <summary>
    /// Whether the filter puts <paramref name="pid"/> in scope. Gone before it could tell: maybe in scope, maybe not,
    /// never silent: counted and reported as a loss.
    /// </summary>
    private bool InScope(int pid, long timestampNs)
    {
        switch (_filter.Admit(pid, _context.Reader))
        {
            case ScopeVerdict.Out:
                return false;
            case ScopeVerdict.Undecided:
                _context.Metrics.ScopeUndecided();
                Publish(LossEvents.ScopeUndecided(_context, pid, timestampNs));
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Begins the exec's facts and tests the conditions, which read the one cheap fact each needs (command name, user
    /// ids) before argv and the rest: an exec that does not match costs that read alone. One that is gone before they
    /// can tell is reported as a loss, never dropped silently.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Matches(in KernelEvent kernelEvent)
    {
        _facts.Begin(kernelEvent.Tgid, kernelEvent.Capture);
        _execs.LendReadAhead(kernelEvent.Tgid, _facts);
        if (_conditions.IsEmpty)
        {
            return true;
        }

        switch (_conditions.Test(_facts))
        {
            case ScopeVerdict.Out:
                // Not reported, and neither is its exit (unless an earlier exec of the process was); still followed.
                if (!WarmingUp)
                {
                    _context.Metrics.NotMatched();
                }

                return false;
            case ScopeVerdict.Undecided:
                if (!WarmingUp)
                {
                    _context.Metrics.MatchUndecided();
                }

                Publish(LossEvents.MatchUndecided(_context, kernelEvent.Tgid, kernelEvent.TimestampNs));
                return false;
            default:
                return true;
        }
    }
}
