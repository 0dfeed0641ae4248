using Tracing.Linux.Bpf;
using Tracing.Linux.Bpf.Attachments;
using Tracing.Linux.Bpf.Maps;
using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// Records reserved and then submitted or discarded (bpf_ringbuf_reserve, _submit, _discard): a drain hands over the
/// submitted ones in order and skips and counts the discarded, and stops at the limit it is given.
/// </summary>
public sealed class BpfRingBufferDiscardTests
{
    private const int Forks = 20;

    [Fact]
    public void Discarded_records_are_skipped_and_counted_and_a_drain_stops_at_its_limit()
    {
        using var ring = BpfRingBuffer.Create("discard_ring", 16 * 1024);
        using var counter = BpfMap.Create(BpfMapType.Array, "discard_count", 4, 8, 1);
        var pidTgid = ((long)Environment.ProcessId << 32) | (uint)Interop.Libc.GetTid();
        using var program = BpfProgramLoader.Load(BpfProgramType.RawTracepoint, RingPrograms.EvenSubmittedOddDiscarded(ring.Map.Fd, counter.Fd, pidTgid));
        using var attachment = RawTracepointAttacher.Attach(program, "sched_process_fork");

        for (var fork = 0; fork < Forks; fork++)
        {
            ForkedTrue.Run();
        }

        var first = new RecordList();
        Assert.Equal(4, ring.Drain(ref first, maxRecords: 4));
        var rest = new RecordList();
        Assert.Equal((Forks / 2) - 4, ring.Drain(ref rest));

        var records = first.Records.Concat(rest.Records).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(16, records[i].Length);
            Assert.Equal(2 * i, RingReader.U64(records[i], 0));
            Assert.Equal(2 * i, RingReader.U64(records[i], 1));
        }

        Assert.Equal(Forks / 2, ring.DiscardedRecords);
    }
}
