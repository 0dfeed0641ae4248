using System.Buffers.Binary;
using Tracing.Linux.Netlink;
using Tracing.Linux.Tests.CnProc;

namespace Tracing.Linux.Tests.Netlink;

public class WholeProcessFilterTests
{
    [Fact]
    public void Keeps_exactly_the_forks_and_exits_of_whole_processes_among_every_well_formed_recorded_datagram()
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
            var kind = (string?)procEvent?["kind"];
            var isProcessFork = kind == "fork" && (int)procEvent!["child_pid"]! == (int)procEvent["child_tgid"]!;
            var isProcessExit = kind == "exit" && (int)procEvent!["process_pid"]! == (int)procEvent["process_tgid"]!;
            var wanted = isProcessFork || isProcessExit;
            var verdict = ClassicBpf.Run(WholeProcessFilter.Program, CnProcFixtures.Read(file));

            Assert.True(wanted == (verdict != 0), $"{file}: kept {verdict != 0}, expected {wanted}");
            kept += verdict != 0 ? 1 : 0;
            dropped += verdict == 0 ? 1 : 0;
        }

        Assert.True(kept > 0 && dropped > 0, $"kept {kept}, dropped {dropped}: the fixtures should exercise both");
    }

    [Fact]
    public void Drops_a_thread_creation_made_from_every_recorded_process_fork()
    {
        var forks = 0;
        foreach (var fork in RecordedProcessForks())
        {
            Assert.NotEqual(0u, ClassicBpf.Run(WholeProcessFilter.Program, fork));

            // The same fork, as a thread: child pid (at 60) no longer the child tgid (at 64).
            var thread = fork.ToArray();
            BinaryPrimitives.WriteInt32LittleEndian(thread.AsSpan(60), BinaryPrimitives.ReadInt32LittleEndian(fork.AsSpan(64)) + 1);
            Assert.Equal(0u, ClassicBpf.Run(WholeProcessFilter.Program, thread));
            forks++;
        }

        Assert.True(forks > 0, "the fixtures hold no process fork");
    }

    [Fact]
    public void Drops_a_thread_exit_made_from_every_recorded_process_exit()
    {
        var exits = 0;
        foreach (var (file, line) in ExpectedDatagrams.Lines)
        {
            var procEvent = line["messages"]!.AsArray() is [var only] ? only!["proc_event"] : null;
            if (line["malformed"] is not null || (string?)procEvent?["kind"] != "exit" || (int)procEvent!["process_pid"]! != (int)procEvent["process_tgid"]!)
            {
                continue;
            }

            var exit = CnProcFixtures.Read(file);
            Assert.NotEqual(0u, ClassicBpf.Run(WholeProcessFilter.Program, exit));

            // The same exit, as a thread's: process pid (at 52) no longer the tgid (at 56).
            var thread = exit.ToArray();
            BinaryPrimitives.WriteInt32LittleEndian(thread.AsSpan(52), BinaryPrimitives.ReadInt32LittleEndian(exit.AsSpan(56)) + 1);
            Assert.Equal(0u, ClassicBpf.Run(WholeProcessFilter.Program, thread));
            exits++;
        }

        Assert.True(exits > 0, "the fixtures hold no process exit");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(66)]
    public void Drops_a_datagram_too_short_to_hold_a_fork(int length)
    {
        foreach (var fork in RecordedProcessForks().Append(CnProcDatagramBuilder.Fork(100, 100, 200, 200)))
        {
            Assert.Equal(0u, ClassicBpf.Run(WholeProcessFilter.Program, fork.AsSpan(0, length)));
        }
    }

    /// <summary>The well-formed single datagrams expected.jsonl decodes as the fork of a process (not a thread).</summary>
    private static IEnumerable<byte[]> RecordedProcessForks() =>
        from pair in ExpectedDatagrams.Lines
        let procEvent = pair.Value["messages"]!.AsArray() is [var only] ? only!["proc_event"] : null
        where pair.Value["malformed"] is null && (string?)procEvent?["kind"] == "fork"
            && (int)procEvent!["child_pid"]! == (int)procEvent["child_tgid"]!
        orderby pair.Key
        select CnProcFixtures.Read(pair.Key);
}
