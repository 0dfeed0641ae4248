using Tracing.Linux.Bpf;
using Tracing.Linux.Bpf.Attachments;
using Tracing.Linux.Bpf.Maps;
using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// A one-page ring takes more records than fit, across several drains: the program writes, for forks by this test's
/// thread only, a record per fork whose length and content follow from a counter it keeps in an ARRAY map, so the test
/// knows every byte the kernel wrote, and where in the ring: records of 8 to 64 bytes wrap past the page's end.
/// </summary>
public sealed class BpfRingBufferWrapTests
{
    private const int Batches = 30;
    private const int ForksPerBatch = 15;

    [Fact]
    public void Records_that_wrap_around_a_one_page_ring_are_read_intact_and_in_order()
    {
        var pageSize = Environment.SystemPageSize;
        using var ring = BpfRingBuffer.Create("wrap_ring", pageSize);
        using var counter = BpfMap.Create(BpfMapType.Array, "wrap_count", 4, 8, 1);
        var pidTgid = ((long)Environment.ProcessId << 32) | (uint)Interop.Libc.GetTid();
        using var program = BpfProgramLoader.Load(BpfProgramType.RawTracepoint, RingPrograms.CountedRecords(ring.Map.Fd, counter.Fd, pidTgid));
        using var attachment = RawTracepointAttacher.Attach(program, "sched_process_fork");

        var records = new List<byte[]>();
        for (var batch = 0; batch < Batches; batch++)
        {
            for (var fork = 0; fork < ForksPerBatch; fork++)
            {
                ForkedTrue.Run();
            }

            // Each fork wrote its record before Process.Start returned: one drain takes the batch.
            var list = new RecordList();
            Assert.Equal(ForksPerBatch, ring.Drain(ref list));
            records.AddRange(list.Records);
        }

        const int Total = Batches * ForksPerBatch;
        Assert.Equal(Total, records.Count);
        long position = 0;
        var wrapped = 0;
        for (var n = 0; n < Total; n++)
        {
            var length = RingPrograms.CountedRecordLength(n);
            Assert.Equal(length, records[n].Length);
            for (var i = 0; i < length / 8; i++)
            {
                Assert.Equal(n, RingReader.U64(records[n], i));
            }

            var start = position % pageSize;
            wrapped += start + 8 + length > pageSize && start + 8 <= pageSize ? 1 : 0;
            position += (8 + length + 7) & ~7;
        }

        Assert.True(position > 3 * pageSize, $"The records took {position} bytes: the ring should have turned over several times.");
        Assert.True(wrapped > 0, "No record's data crossed the end of the ring.");
        Span<byte> count = stackalloc byte[8];
        Assert.True(counter.TryLookup(stackalloc byte[4], count));
        Assert.Equal(Total, BitConverter.ToInt64(count));
        Assert.Equal(0, ring.DiscardedRecords);
    }
}
