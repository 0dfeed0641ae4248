using System.Runtime.CompilerServices;
using Tracing.Interop.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Interop.Linux.Netlink;

public sealed partial class ProcConnectorEventSource
{
    /// <summary>
    /// Delivers every event of every datagram until stopped. Lost events are counted from sequence gaps when the
    /// socket is unfiltered (exact), else from ENOBUFS (at least one per overflow).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReceiveLoop(ProcConnectorSocket socket, IKernelEventSink sink, bool countGaps)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(16 * 1024, pinned: true);
        var gaps = new SequenceGapCounter();
        var overflowed = false;
        var timeoutMs = 0;
        while (!_stopping)
        {
            var status = socket.Receive(buffer, timeoutMs, knownEmpty: timeoutMs < 0, out var received);
            switch (status)
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
                    timeoutMs = -1;
                    continue;
                case ReceiveStatus.Overflow:
                    overflowed = true;
                    timeoutMs = 0;
                    continue;
            }

            timeoutMs = 0;
            var reader = new CnProcMessageReader(buffer.AsSpan(0, received));
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

                if (CnProcEventMapper.TryToKernelEvent(procEvent, out var kernelEvent) && kernelEvent.Kind != KernelEventKind.Other)
                {
                    sink.OnEvent(kernelEvent);
                }
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
