using Tracing.Linux.Bpf.Events;
using Tracing.Linux.Bpf.RingBuffers;
using Tracing.Ports;

namespace Tracing.Linux.Bpf.Source;

/// <summary>Hands each ring-buffer record, decoded in place, to the sink; counts those that are not events.</summary>
/// <param name="sink">Receives the events.</param>
/// <param name="inScope">The programs sent only the execs of the scope (<see cref="KernelEvent.InScope"/>).</param>
internal struct RecordDelivery(IKernelEventSink sink, bool inScope) : IRingBufferConsumer
{
    /// <summary>Records that did not decode (a layout mismatch: never expected, counted rather than lost silently).</summary>
    public long Undecodable { get; private set; }

    /// <inheritdoc />
    public void OnRecord(ReadOnlySpan<byte> record)
    {
        if (BpfRecordDecoder.TryDecode(record, out var kernelEvent))
        {
            if (inScope && kernelEvent.Kind is KernelEventKind.Exec or KernelEventKind.ExecFailed)
            {
                kernelEvent = kernelEvent with { InScope = true };
            }

            sink.OnEvent(kernelEvent);
        }
        else
        {
            Undecodable++;
        }
    }
}
