using Tracing.Linux.Bpf.Maps;

namespace Tracing.Linux.Bpf.RingBuffers;

/// <summary>
/// A <c>BPF_MAP_TYPE_RINGBUF</c> map (Linux 5.8+) read from user space as the kernel lays it out (kernel/bpf/ringbuf.c):
/// the consumer position's page is mapped read-write, the producer position's page and then the data read-only, the
/// data mapped twice in a row by the kernel so that a record that wraps past the end reads as one span. Records are
/// read in place with no allocation (<see cref="Drain"/>); <see cref="Wait"/> polls the map together with an eventfd
/// that <see cref="Wake"/> signals, so another thread can stop the reader at once. One thread drains and waits.
/// </summary>
internal sealed partial class BpfRingBuffer : IDisposable
{
    // From include/uapi/linux/bpf.h: each record's 8-byte header is a u32 length, with these bits, then a u32 page offset.
    internal const uint BPF_RINGBUF_BUSY_BIT = 1u << 31;
    internal const uint BPF_RINGBUF_DISCARD_BIT = 1u << 30;
    internal const int BPF_RINGBUF_HDR_SZ = 8;

    private readonly SafeMemoryMapping _consumerPage;
    private readonly SafeMemoryMapping _producerPageAndData;
    private readonly SafeFileDescriptor _wakeEvent;
    private readonly int _pageSize;
    private readonly ulong _mask;

    private BpfRingBuffer(BpfMap map, SafeMemoryMapping consumerPage, SafeMemoryMapping producerPageAndData, SafeFileDescriptor wakeEvent, int pageSize)
    {
        Map = map;
        _consumerPage = consumerPage;
        _producerPageAndData = producerPageAndData;
        _wakeEvent = wakeEvent;
        _pageSize = pageSize;
        _mask = map.MaxEntries - 1u;
    }

    /// <summary>The map, for programs to reference (helpers <c>bpf_ringbuf_output</c>, <c>_reserve</c>, <c>_submit</c>).</summary>
    public BpfMap Map { get; }

    /// <summary>The data area's size in bytes.</summary>
    public int Size => (int)Map.MaxEntries;

    /// <summary>How many records the kernel discarded (<c>bpf_ringbuf_discard</c>) that drains skipped.</summary>
    public long DiscardedRecords { get; private set; }

    /// <summary>
    /// Creates a ring of <paramref name="size"/> bytes of data (a power of two and a multiple of the page size; the
    /// kernel locks it in memory) and maps it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not a power of two, not a multiple of the page size, or over 1 GiB.</exception>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_BPF (and RLIMIT_MEMLOCK before 5.11).</exception>
    /// <exception cref="IOException">The kernel refused the map or a mapping.</exception>
    public static BpfRingBuffer Create(string name, int size)
    {
        var pageSize = Environment.SystemPageSize;
        if (size <= 0 || size > (1 << 30) || (size & (size - 1)) != 0 || size % pageSize != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(size), size, $"A ring buffer's size is a power of two, a multiple of the page size ({pageSize}), and at most 1 GiB.");
        }

        var map = BpfMap.Create(BpfMapType.RingBuffer, name, 0, 0, (uint)size);
        SafeMemoryMapping? consumer = null;
        SafeMemoryMapping? producer = null;
        try
        {
            var errno = Interop.Libc.Mmap(map.Fd, (nuint)pageSize, Interop.Libc.PROT_READ | Interop.Libc.PROT_WRITE, 0, out consumer);
            Interop.ThrowIfBpfError(errno, "Mapping the eBPF ring buffer's consumer page");

            // The producer's page, then the data twice over (the kernel maps it so): a wrapped record is contiguous.
            errno = Interop.Libc.Mmap(map.Fd, (nuint)pageSize + (2 * (nuint)size), Interop.Libc.PROT_READ, pageSize, out producer);
            Interop.ThrowIfBpfError(errno, "Mapping the eBPF ring buffer's data");

            errno = Interop.Libc.EventFd(Interop.Libc.EFD_CLOEXEC | Interop.Libc.EFD_NONBLOCK, out var wake);
            Interop.ThrowIfError(errno, "Creating the eBPF ring buffer's wake-up eventfd");
            return new BpfRingBuffer(map, consumer, producer, wake, pageSize);
        }
        catch
        {
            producer?.Dispose();
            consumer?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>Unmaps the ring and closes the map and the eventfd. Not while another thread drains or waits.</summary>
    public void Dispose()
    {
        _producerPageAndData.Dispose();
        _consumerPage.Dispose();
        _wakeEvent.Dispose();
        Map.Dispose();
    }
}
