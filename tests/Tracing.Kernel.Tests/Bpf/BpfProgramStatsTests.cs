using Tracing.Linux.Bpf;
using Tracing.Linux.Bpf.Attachments;
using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// BPF_OBJ_GET_INFO_BY_FD's run count and time, with kernel.bpf_stats_enabled set for the test and restored after:
/// the program runs at least once per fork this process makes.
/// </summary>
public sealed class BpfProgramStatsTests
{
    private const string StatsSysctl = "/proc/sys/kernel/bpf_stats_enabled";
    private const int Forks = 5;

    [Fact]
    public void Run_count_and_time_are_read_while_statistics_are_enabled()
    {
        var before = File.ReadAllText(StatsSysctl).Trim();
        File.WriteAllText(StatsSysctl, "1");
        try
        {
            using var ring = BpfRingBuffer.Create("stats_ring", 64 * 1024);
            using var program = BpfProgramLoader.Load(BpfProgramType.RawTracepoint, RingPrograms.PidTgidAndMarker(ring.Map.Fd, 17));
            Assert.Equal(0ul, BpfProgramStats.Read(program).RunCount);
            using (RawTracepointAttacher.Attach(program, "sched_process_fork"))
            {
                for (var i = 0; i < Forks; i++)
                {
                    ForkedTrue.Run();
                }
            }

            var stats = BpfProgramStats.Read(program);

            Assert.True(stats.RunCount >= Forks, $"Run {stats.RunCount} times for {Forks} forks.");
            Assert.True(stats.RunTimeNanoseconds > 0);
            Assert.Equal(0ul, stats.RecursionMisses);
            var records = new RecordList();
            ring.Drain(ref records);
            // Each counted run wrote its record first; a run still in flight on another CPU at the detach may add one uncounted.
            Assert.True(records.Records.Count >= (int)stats.RunCount, $"{records.Records.Count} records for {stats.RunCount} runs.");
        }
        finally
        {
            File.WriteAllText(StatsSysctl, before);
        }
    }
}
