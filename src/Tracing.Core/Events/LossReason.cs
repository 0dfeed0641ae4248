namespace Tracing.Events;

/// <summary>Where events were lost.</summary>
public enum LossReason
{
    /// <summary>The kernel's socket buffer overflowed (ENOBUFS) before the tracer could read it.</summary>
    KernelBufferOverflow = 0,

    /// <summary>A subscriber was too slow and its bounded queue was full.</summary>
    SubscriberQueueFull = 1,
}
