namespace Tracing.Linux.Bpf.RingBuffers;

internal sealed partial class BpfRingBuffer
{
    /// <summary>
    /// Hands every committed record to <paramref name="consumer"/>, in order, in place, and returns how many it took
    /// (at most <paramref name="maxRecords"/>). As the kernel's own reader (tools/lib/bpf/ringbuf.c): the producer
    /// position is read with acquire, then each header's length with acquire; a record still being written (BUSY)
    /// ends the drain, a discarded one is skipped. The consumer position is stored with release after each record,
    /// not once a batch: its space is free to the producers at once (fewer records dropped while a batch is read),
    /// and the kernel wakes a poller only for a record committed at the consumer position, which then is current.
    /// </summary>
    /// <exception cref="InvalidDataException">A header gives a length larger than the ring (never from the kernel).</exception>
    public unsafe int Drain<TConsumer>(ref TConsumer consumer, int maxRecords = int.MaxValue)
        where TConsumer : IRingBufferConsumer, allows ref struct
    {
        var consumerAdded = false;
        var producerAdded = false;
        try
        {
            _consumerPage.DangerousAddRef(ref consumerAdded);
            _producerPageAndData.DangerousAddRef(ref producerAdded);
            var consumerPosition = (ulong*)_consumerPage.DangerousGetHandle();
            var producerPosition = (ulong*)_producerPageAndData.DangerousGetHandle();
            var data = (byte*)producerPosition + _pageSize;

            var taken = 0;
            var consumed = Volatile.Read(ref *consumerPosition);
            while (taken < maxRecords)
            {
                var produced = Volatile.Read(ref *producerPosition);
                if (consumed >= produced)
                {
                    break;
                }

                while (consumed < produced && taken < maxRecords)
                {
                    var header = data + (consumed & _mask);
                    var length = Volatile.Read(ref *(uint*)header);
                    if ((length & BPF_RINGBUF_BUSY_BIT) != 0)
                    {
                        return taken;
                    }

                    var recordLength = length & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
                    if (recordLength > (ulong)Size - BPF_RINGBUF_HDR_SZ)
                    {
                        throw new InvalidDataException($"The eBPF ring buffer's record at {consumed} claims {recordLength} bytes: more than the ring's {Size}.");
                    }

                    if ((length & BPF_RINGBUF_DISCARD_BIT) == 0)
                    {
                        consumer.OnRecord(new ReadOnlySpan<byte>(header + BPF_RINGBUF_HDR_SZ, (int)recordLength));
                        taken++;
                    }
                    else
                    {
                        DiscardedRecords++;
                    }

                    consumed += (recordLength + BPF_RINGBUF_HDR_SZ + 7) & ~7u;
                    Volatile.Write(ref *consumerPosition, consumed);
                }
            }

            return taken;
        }
        finally
        {
            if (producerAdded)
            {
                _producerPageAndData.DangerousRelease();
            }

            if (consumerAdded)
            {
                _consumerPage.DangerousRelease();
            }
        }
    }
}
