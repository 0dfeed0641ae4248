using System.Text.Json.Nodes;
using Tracing.Linux.CnProc;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>Replays the recorded feed in order through the parser, the mapper and PID-tree tracking.</summary>
public class ProcessTreeReplayTests
{
    private static readonly JsonNode s_root = JsonNode.Parse(File.ReadAllText(CnProcFixtures.RootPath))!;

    private static int RootPid => (int)s_root["root_pid"]!;

    private static string[] ExpectedExecs =>
        [.. s_root["expected_subtree_execs"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal)];

    [Fact]
    public void ProcessTree_finds_exactly_the_execs_of_the_root_subtree()
    {
        var tree = new ProcessTree(RootPid);

        var execs = Replay(
            onFork: e => tree.OnFork(e.ParentTgid, e.Tgid, e.TimestampNs),
            onExit: e => tree.OnExit(e.Tgid),
            contains: tree.Contains);

        Assert.Equal(ExpectedExecs, execs);
    }

    /// <summary>The same replay over a minimal tracker, so the parser and mapper are checked apart from Core.</summary>
    [Fact]
    public void Parsed_events_give_exactly_the_execs_of_the_root_subtree()
    {
        var live = new HashSet<int> { RootPid };

        var execs = Replay(
            onFork: e =>
            {
                if (live.Contains(e.ParentTgid))
                {
                    live.Add(e.Tgid);
                }
                else if (e.Tgid != RootPid)
                {
                    live.Remove(e.Tgid);
                }
            },
            onExit: e => live.Remove(e.Tgid),
            contains: live.Contains);

        Assert.Equal(ExpectedExecs, execs);
    }

    private static string[] Replay(Action<KernelEvent> onFork, Action<KernelEvent> onExit, Func<int, bool> contains)
    {
        var execs = new List<string>();
        foreach (var file in CnProcFixtures.BinFiles("feed"))
        {
            var reader = new CnProcMessageReader(CnProcFixtures.Read(file));
            while (reader.TryRead(out var message))
            {
                if (!message.HasProcEvent || !CnProcEventMapper.TryToKernelEvent(message.Event, out var e))
                {
                    continue;
                }

                switch (e.Kind)
                {
                    case KernelEventKind.Fork when !e.IsThread:
                        onFork(e);
                        break;
                    case KernelEventKind.Exit when !e.IsThread:
                        onExit(e);
                        break;
                    case KernelEventKind.Exec when contains(e.Tgid):
                        execs.Add(file);
                        break;
                }
            }

            Assert.Equal(CnProcMalformation.None, reader.Malformation);
        }

        return [.. execs.Order(StringComparer.Ordinal)];
    }
}
