using Tracing.Events;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>Makes the one exit event of a process that ended.</summary>
internal static class ExitEvents
{
    /// <summary>
    /// The exit of <paramref name="node"/>, from the EXIT that ended it: the status is the last thread's, with the core
    /// flag of whichever thread dumped.
    /// </summary>
    public static ExitEvent Create(TracerContext context, ProcessNode node, in KernelEvent kernelEvent)
    {
        var status = node.Threads.ProcessStatus(kernelEvent.ExitCode);
        var (code, signal, core) = ExitEvent.DecodeWaitStatus(status);
        return new ExitEvent
        {
            Pid = node.Pid,
            ParentPid = ParentOf.Exit(node, kernelEvent),
            KernelTimestampNs = kernelEvent.TimestampNs,
            Time = context.ToWallClock(kernelEvent.TimestampNs),
            RawStatus = status,
            ExitCode = code,
            Signal = signal,
            CoreDumped = core,
            CommandName = node.CommandName,
            Container = node.Container,
            NamespacePid = node.NamespacePid,
            Lifetime = node.ForkTimestampNs != 0 && kernelEvent.TimestampNs >= node.ForkTimestampNs
                ? TimeSpan.FromTicks((kernelEvent.TimestampNs - node.ForkTimestampNs) / 100)
                : null,
        };
    }
}
