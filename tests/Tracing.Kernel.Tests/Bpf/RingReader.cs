using System.Diagnostics;
using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>Drains a ring, waiting on it between drains (no sleeps), until a record matches or the time runs out.</summary>
internal static class RingReader
{
    public static byte[] WaitFor(BpfRingBuffer ring, Func<byte[], bool> match, string what)
    {
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(20);
        var seen = 0;
        while (clock.Elapsed < limit)
        {
            var list = new RecordList();
            ring.Drain(ref list);
            seen += list.Records.Count;
            var found = list.Records.Find(r => match(r));
            if (found is not null)
            {
                return found;
            }

            ring.Wait((int)Math.Max(1, (limit - clock.Elapsed).TotalMilliseconds));
        }

        Assert.Fail($"No record {what} in {limit.TotalSeconds} s ({seen} other records).");
        return [];
    }

    public static long U64(byte[] record, int index) => BitConverter.ToInt64(record, index * 8);
}
