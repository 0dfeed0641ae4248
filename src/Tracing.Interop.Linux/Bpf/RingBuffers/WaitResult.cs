namespace Tracing.Linux.Bpf.RingBuffers;

/// <summary>What ended a <see cref="BpfRingBuffer.Wait"/>.</summary>
internal enum WaitResult
{
    /// <summary>The time ran out with nothing to read.</summary>
    TimedOut,

    /// <summary>The ring has data past the consumer position (it may still be a record being written: drain, then wait again).</summary>
    DataReady,

    /// <summary><see cref="BpfRingBuffer.Wake"/> was called (once per call); the ring may have data too.</summary>
    Woken,
}
