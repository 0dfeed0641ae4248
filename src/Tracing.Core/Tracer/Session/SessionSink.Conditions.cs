using System.Runtime.CompilerServices;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Tracer.Session;

/// <summary>The conditions an exec in scope must meet to be reported (<see cref="ExecTracingOptions.Conditions"/>).</summary>
internal sealed partial class SessionSink
{
    private readonly ExecConditions _conditions;
    private readonly ExecFacts _facts;

    /// <summary>The conditions, as they were when the run started.</summary>
    internal ExecConditions Conditions => _conditions;

    /// <summary>The facts of the exec being handled, shared by the conditions and the reader.</summary>
    internal ExecFacts Facts => _facts;

    /// <summary>
    /// Begins the exec's facts and tests the conditions, which read the one cheap fact each needs (command name, user
    /// ids) before argv and the rest: an exec that does not match costs that read alone. One that is gone before they
    /// can tell is reported as a loss, never dropped silently.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Matches(in KernelEvent kernelEvent)
    {
        _facts.Begin(kernelEvent.Tgid);
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
