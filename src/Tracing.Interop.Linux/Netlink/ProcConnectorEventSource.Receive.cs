using System.Runtime.CompilerServices;
using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Netlink;

internal sealed partial class ProcConnectorEventSource
{
    /// <summary>
    /// Delivers every event of every datagram until stopped, and counts what the kernel dropped (see
    /// <see cref="LossCounter"/>). The COMM events of <paramref name="primedThread"/> (see <see cref="SequencePrimer"/>)
    /// are counted, not delivered.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReceiveLoop(ProcConnectorSocket socket, IKernelEventSink sink, LossCounter losses, bool countGaps, ForkLedgerSocket? forks, int primedThread)
    {
        using var batch = new DatagramBatch();
        var ledger = forks?.Ledger;
        var gaps = losses.Gaps;
        var wait = false;
        while (!_stopping)
        {
            switch (socket.ReceiveBatch(batch, wait))
            {
                case ReceiveStatus.Woken:
                    ReportLoss(sink, losses, ending: true);
                    return;
                case ReceiveStatus.Timeout:
                    // Drained: late arrivals have had their chance to close sequence gaps.
                    ReportLoss(sink, losses, ending: false);
                    wait = true;
                    continue;
                case ReceiveStatus.Overflow:
                    losses.OnOverflow();
                    wait = false;
                    continue;
            }

            // Every fork that precedes these execs is queued on the side socket by now.
            forks?.Drain();
            for (var i = 0; i < batch.Count; i++)
            {
                Deliver(batch[i], sink, gaps, countGaps, ledger, primedThread);
            }

            // A batch that did not fill every slot took all there was: wait next, without asking again first.
            wait = batch.Count < DatagramBatch.Slots;
            if (wait)
            {
                ReportLoss(sink, losses, ending: false);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Deliver(ReadOnlySpan<byte> datagram, IKernelEventSink sink, SequenceGapCounter gaps, bool countGaps, ForkLedger? ledger, int primedThread = 0)
    {
        var reader = new CnProcMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            if (!message.HasProcEvent)
            {
                continue;
            }

            var procEvent = message.Event;
            if (countGaps)
            {
                gaps.Observe(procEvent.Cpu, message.Connector.Sequence);
            }

            if (CnProcEventMapper.TryToKernelEvent(procEvent, out var kernelEvent) && kernelEvent.Kind != KernelEventKind.Other
                && !(kernelEvent.Kind == KernelEventKind.Comm && kernelEvent.Pid == primedThread))
            {
                if (ledger is not null)
                {
                    kernelEvent = ledger.Complete(kernelEvent);
                }

                sink.OnEvent(kernelEvent);
            }
        }
    }

    private static void ReportLoss(IKernelEventSink sink, LossCounter losses, bool ending)
    {
        var lost = losses.Take(ending, out var exact);
        if (lost > 0)
        {
            sink.OnEventsLost(lost, exact);
        }
    }
}
