using System.Runtime.CompilerServices;
using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Netlink;

internal sealed partial class ProcConnectorEventSource
{
    /// <summary>
    /// Delivers every event of every datagram until stopped. Lost events are counted from sequence gaps when the
    /// socket is unfiltered (exact), else from ENOBUFS (at least one per overflow). The COMM events of
    /// <paramref name="primedThread"/> (see <see cref="SequencePrimer"/>) are counted, not delivered.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReceiveLoop(ProcConnectorSocket socket, IKernelEventSink sink, bool countGaps, ForkLedgerSocket? forks, int primedThread)
    {
        using var batch = new DatagramBatch();
        var ledger = forks?.Ledger;
        var gaps = new SequenceGapCounter();
        var overflowed = false;
        var wait = false;
        while (!_stopping)
        {
            switch (socket.ReceiveBatch(batch, wait))
            {
                case ReceiveStatus.Woken:
                    if (overflowed)
                    {
                        // An overflow whose size no later event revealed: still never silent.
                        sink.OnEventsLost(1);
                    }

                    return;
                case ReceiveStatus.Timeout:
                    // Drained: late arrivals have had their chance to close sequence gaps.
                    ReportLoss(sink, gaps, ref overflowed, countGaps);
                    wait = true;
                    continue;
                case ReceiveStatus.Overflow:
                    overflowed = true;
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
                ReportLoss(sink, gaps, ref overflowed, countGaps);
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

    private static void ReportLoss(IKernelEventSink sink, SequenceGapCounter gaps, ref bool overflowed, bool countGaps)
    {
        // Unfiltered, the sequence gaps count the loss exactly, once later events reveal them; filtered, a gap may
        // be an event the kernel filtered out, so only ENOBUFS counts, as at least one.
        var lost = countGaps ? gaps.TakeLost() : overflowed ? 1 : 0;
        if (lost > 0)
        {
            overflowed = false;
            sink.OnEventsLost(lost);
        }
    }
}
