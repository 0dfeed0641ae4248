namespace Tracing.Linux.Bpf.RingBuffers;

/// <summary>Takes the records <see cref="BpfRingBuffer.Drain"/> reads, in the order the kernel committed them.</summary>
internal interface IRingBufferConsumer
{
    /// <summary>
    /// One record, read in place in the kernel's memory: valid only until this returns (the kernel may write over it
    /// then). A record that throws is not consumed: the next drain delivers it again.
    /// </summary>
    void OnRecord(ReadOnlySpan<byte> record);
}
