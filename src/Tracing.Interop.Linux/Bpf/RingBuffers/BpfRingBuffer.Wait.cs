namespace Tracing.Linux.Bpf.RingBuffers;

internal sealed partial class BpfRingBuffer
{
    /// <summary>
    /// Waits at most <paramref name="timeoutMs"/> (-1: no limit) until the ring has data or <see cref="Wake"/> is
    /// called: poll(2) on the map's fd, which the kernel makes readable while the producer is ahead of the consumer,
    /// and on the wake-up eventfd. A wake is consumed by the wait that reports it; one made before the wait is not lost.
    /// </summary>
    /// <exception cref="IOException">poll(2) failed.</exception>
    public WaitResult Wait(int timeoutMs)
    {
        ReadOnlySpan<SafeFileDescriptor> handles = [Map.Fd, _wakeEvent];
        Span<short> returned = stackalloc short[2];
        var errno = Interop.Libc.Poll(handles, Interop.Libc.POLLIN, returned, timeoutMs, out var ready);
        Interop.ThrowIfError(errno, "Waiting on the eBPF ring buffer");
        if ((returned[1] & Interop.Libc.POLLIN) != 0)
        {
            // Resets the eventfd's count (it is non-blocking: a racing reader finds it empty, and that is fine).
            Span<byte> count = stackalloc byte[sizeof(ulong)];
            _ = Interop.Libc.Read(_wakeEvent, count, out _);
            return WaitResult.Woken;
        }

        return ready > 0 ? WaitResult.DataReady : WaitResult.TimedOut;
    }

    /// <summary>Ends the reader's current or next <see cref="Wait"/> at once; from any thread.</summary>
    /// <exception cref="IOException">The eventfd could not be written.</exception>
    public void Wake()
    {
        Span<byte> one = stackalloc byte[sizeof(ulong)];
        BitConverter.TryWriteBytes(one, 1UL);
        var errno = Interop.Libc.Write(_wakeEvent, one, out _);
        if (errno != Interop.Errno.EAGAIN)
        {
            // EAGAIN: the count is at its maximum, so a wake is pending anyway.
            Interop.ThrowIfError(errno, "Waking the eBPF ring buffer's reader");
        }
    }
}
