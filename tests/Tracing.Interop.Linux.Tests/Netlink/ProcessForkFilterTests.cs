using System.Buffers.Binary;
using Tracing.Interop.Linux.Netlink;
using Tracing.Interop.Linux.Tests.CnProc;

namespace Tracing.Interop.Linux.Tests.Netlink;

public class ProcessForkFilterTests
{
    [Fact]
    public void Keeps_exactly_the_process_forks_among_every_well_formed_recorded_datagram()
    {
        // Every fixture folder, as expected.jsonl decodes it (the oracle); malformed ones are the ledger parser's to refuse.
        var kept = 0;
        var dropped = 0;
        foreach (var (file, line) in ExpectedDatagrams.Lines)
        {
            var messages = line["messages"]!.AsArray();
            if (line["malformed"] is not null || messages.Count != 1)
            {
                continue;
            }

            var procEvent = messages[0]!["proc_event"];
            var isProcessFork = (string?)procEvent?["kind"] == "fork" && (int)procEvent!["child_pid"]! == (int)procEvent["child_tgid"]!;
            var verdict = ClassicBpf.Run(ProcessForkFilter.Program, CnProcFixtures.Read(file));

            Assert.True(isProcessFork == (verdict != 0), $"{file}: kept {verdict != 0}, expected {isProcessFork}");
            kept += verdict != 0 ? 1 : 0;
            dropped += verdict == 0 ? 1 : 0;
        }

        Assert.True(kept > 0 && dropped > 0, $"kept {kept}, dropped {dropped}: the fixtures should exercise both");
    }

    [Fact]
    public void Drops_a_thread_creation_made_from_a_recorded_process_fork()
    {
        var fork = CnProcFixtures.Read("feed/0001-fork.bin");
        Assert.NotEqual(0u, ClassicBpf.Run(ProcessForkFilter.Program, fork));

        // The same fork, as a thread: child pid (at 60) no longer the child tgid (at 64).
        var thread = fork.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(thread.AsSpan(60), BinaryPrimitives.ReadInt32LittleEndian(fork.AsSpan(64)) + 1);

        Assert.Equal(0u, ClassicBpf.Run(ProcessForkFilter.Program, thread));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(66)]
    public void Drops_a_datagram_too_short_to_hold_a_fork(int length)
    {
        var fork = CnProcFixtures.Read("feed/0001-fork.bin");

        Assert.Equal(0u, ClassicBpf.Run(ProcessForkFilter.Program, fork.AsSpan(0, length)));
    }
}
