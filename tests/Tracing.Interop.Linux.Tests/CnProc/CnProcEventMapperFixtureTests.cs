using System.Text.Json.Nodes;
using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>
/// Every event of every recorded and synthetic buffer maps as its decoding in expected.jsonl says it must: the kind,
/// the pids the member <c>what</c> names, the parent, the wait status and the time; NONE and unknown kinds not at all.
/// </summary>
public class CnProcEventMapperFixtureTests
{
    public static TheoryData<string> Files => ExpectedDatagrams.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_event_maps_as_expected_jsonl_decodes_it(string file)
    {
        var messages = ExpectedDatagrams.Lines[file]["messages"]!.AsArray();
        var reader = new CnProcMessageReader(CnProcFixtures.Read(file));

        foreach (var expected in messages)
        {
            Assert.True(reader.TryRead(out var message), $"{file}: fewer messages than expected.jsonl lists");
            var procEvent = expected!["proc_event"];
            Assert.Equal(procEvent is not null, message.HasProcEvent);
            if (procEvent is null)
            {
                continue;
            }

            var mapped = CnProcEventMapper.TryToKernelEvent(message.Event, out var actual);
            var timestampNs = unchecked((long)(ulong)procEvent["timestamp_ns"]!);
            if (Expected(procEvent, timestampNs) is { } wanted)
            {
                Assert.True(mapped, $"{file}: a {procEvent["kind"]} event was not mapped");
                Assert.Equal(wanted, actual);
                Assert.Equal(wanted.Pid != wanted.Tgid, actual.IsThread);
            }
            else
            {
                Assert.False(mapped, $"{file}: a {procEvent["kind"]} event was mapped");
                Assert.Equal((KernelEventKind.Other, timestampNs), (actual.Kind, actual.TimestampNs));
            }
        }
    }

    /// <summary>The event the mapper must give for <paramref name="e"/>, or null for those it must not map.</summary>
    private static KernelEvent? Expected(JsonNode e, long timestampNs)
    {
        int Field(string name) => (int)e[name]!;
        KernelEvent Process(KernelEventKind kind) =>
            new() { Kind = kind, TimestampNs = timestampNs, Pid = Field("process_pid"), Tgid = Field("process_tgid") };

        return (string)e["kind"]! switch
        {
            "fork" => new KernelEvent
            {
                Kind = KernelEventKind.Fork, TimestampNs = timestampNs, Pid = Field("child_pid"), Tgid = Field("child_tgid"),
                ParentPid = Field("parent_pid"), ParentTgid = Field("parent_tgid"),
            },
            "exit" => Process(KernelEventKind.Exit) with
            {
                ParentPid = Field("parent_pid"), ParentTgid = Field("parent_tgid"), ExitCode = Field("exit_code"), ExitSignal = Field("exit_signal"),
            },
            "coredump" => Process(KernelEventKind.Coredump) with { ParentPid = Field("parent_pid"), ParentTgid = Field("parent_tgid") },
            "exec" => Process(KernelEventKind.Exec),
            "uid" => Process(KernelEventKind.Uid),
            "comm" => Process(KernelEventKind.Comm),
            "gid" or "sid" or "ptrace" => Process(KernelEventKind.Other),
            _ => null,
        };
    }
}
