using Tracing.Linux.Bpf;
using Tracing.Linux.Bpf.Attachments;
using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// A raw tracepoint program on sched_process_fork writes into a BPF ring buffer; the kernel is the oracle: a fork this
/// process makes (Process.Start, on the test's thread) runs the program in this process's context.
/// </summary>
public sealed class BpfRingBufferRawTracepointTests
{
    private const long Marker = 0x1717_5EED_CAFE_F00D;

    [Fact]
    public void A_fork_by_this_process_arrives_as_a_record_with_its_tgid_and_the_marker()
    {
        using var ring = BpfRingBuffer.Create("fork_ring", 64 * 1024);
        using var program = BpfProgramLoader.Load(BpfProgramType.RawTracepoint, RingPrograms.PidTgidAndMarker(ring.Map.Fd, Marker));
        using var attachment = RawTracepointAttacher.Attach(program, "sched_process_fork");

        ForkedTrue.Run();

        var record = RingReader.WaitFor(
            ring, r => r.Length == 16 && RingReader.U64(r, 0) >> 32 == Environment.ProcessId, "with this process's tgid");
        Assert.Equal(Marker, RingReader.U64(record, 1));
        Assert.Equal("raw_tracepoint:sched_process_fork", attachment.Hook);
    }

    [Fact]
    public void Disposing_the_attachment_detaches_the_program()
    {
        using var ring = BpfRingBuffer.Create("detach_ring", 64 * 1024);
        using var program = BpfProgramLoader.Load(BpfProgramType.RawTracepoint, RingPrograms.PidTgidAndMarker(ring.Map.Fd, Marker));
        var attachment = RawTracepointAttacher.Attach(program, "sched_process_fork");
        ForkedTrue.Run();
        RingReader.WaitFor(ring, r => RingReader.U64(r, 0) >> 32 == Environment.ProcessId, "before the detach");

        attachment.Dispose();
        var stragglers = new RecordList();
        ring.Drain(ref stragglers);
        ForkedTrue.Run();

        // The fork runs the tracepoint on this thread before Process.Start returns: a record would be in the ring now.
        var after = new RecordList();
        ring.Drain(ref after);
        Assert.DoesNotContain(after.Records, r => RingReader.U64(r, 0) >> 32 == Environment.ProcessId);
    }

    [Fact]
    public void A_raw_tracepoint_the_kernel_lacks_is_refused_with_ENOENT()
    {
        using var ring = BpfRingBuffer.Create("noent_ring", 4096);
        using var program = BpfProgramLoader.Load(BpfProgramType.RawTracepoint, RingPrograms.PidTgidAndMarker(ring.Map.Fd, Marker));

        var error = Assert.Throws<IOException>(() => RawTracepointAttacher.Attach(program, "no_such_tracepoint_17"));

        Assert.Equal(2, error.HResult);
        Assert.Contains("no_such_tracepoint_17", error.Message, StringComparison.Ordinal);
    }
}
