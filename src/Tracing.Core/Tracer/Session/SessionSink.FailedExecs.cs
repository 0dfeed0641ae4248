using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>
/// A failed exec: reported when its caller is in scope and the program it asked for meets the conditions (a command
/// name condition is tested against the name the program would have had). The tree does not change: the caller goes on.
/// </summary>
internal sealed partial class SessionSink
{
    private void OnExecFailed(in KernelEvent kernelEvent)
    {
        if (!_context.Options.IncludeFailedExecs)
        {
            return;
        }

        var pid = kernelEvent.Tgid;
        ProcessNode? node = null;
        if (_tree is not null && !_tree.TryGet(pid, out node) && _tree.RootPid is not null)
        {
            return;
        }

        if (!kernelEvent.InScope && !InScope(pid, kernelEvent.TimestampNs))
        {
            return;
        }

        if (!_conditions.IsEmpty)
        {
            _facts.Begin(pid, kernelEvent.Capture);
            if (FailedExecEvents.WouldBeCommandName((kernelEvent.Capture?.Path ?? default).Span) is { } name)
            {
                _facts.KnowCommandName(name);
            }

            if (_conditions.Test(_facts) != ScopeVerdict.In)
            {
                return;
            }
        }

        var failed = FailedExecEvents.Create(_context, kernelEvent);
        if (_command is null || node is null || WarmingUp)
        {
            Publish(failed);
        }
        else
        {
            _command.Offer(node, failed);
        }
    }
}
