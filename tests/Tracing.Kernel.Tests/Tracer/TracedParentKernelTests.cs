using System.Globalization;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>
/// <see cref="ExecEvent.TracedParentPid"/> on a real shell tree, the kernel the oracle: each process writes its pid and
/// the parent that forked it (the subshells, which fork without exec'ing, read theirs from <c>/proc/self/stat</c>), and
/// each exec's expectation is the nearest ancestor in that record whose exec was reported before it, never a literal.
/// </summary>
public class TracedParentKernelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_exec_names_its_nearest_reported_ancestor_as_the_recorded_forks_say()
    {
        using var fifos = new Fifos();
        var record = fifos.PathOf("record");
        var go = fifos.Make("go");
        var done = fifos.Make("done");
        var recorded = fifos.Make("recorded");
        await using var tracer = new KernelTracer(
            ExecTraceFilter.RunCommand(new CommandSpec("/bin/sh", ["-c", Script(record, recorded, go, done)])), includeExits: true);
        await tracer.Tracer.StartAsync();
        Assert.Equal(0, await tracer.Tracer.WaitForCommandAsync().WaitAsync(s_wait));
        await tracer.Tracer.StopAsync();

        var parents = ForkParents(record);
        var execs = tracer.Execs.ToList();
        var reported = new HashSet<int>();
        var expected = new List<int?>();
        foreach (var exec in execs)
        {
            Assert.True(parents.ContainsKey(exec.Pid), $"exec of {exec.Pid} ({string.Join(' ', exec.Arguments.Strings)}) is not in the record");
            expected.Add(reported.Contains(exec.Pid) ? exec.Pid : NearestReported(parents, reported, parents[exec.Pid]));
            reported.Add(exec.Pid);
        }

        // The shape happened: the command, a child, a grandchild under a forked subshell, a re-exec, an orphan.
        Assert.Equal(6, execs.Count);
        Assert.Equal(expected, execs.Select(e => e.TracedParentPid));
        Assert.Null(execs[0].TracedParentPid);
        Assert.Contains(execs, e => e.TracedParentPid == e.Pid);
        Assert.Equal(2, execs.Count(e => e.TracedParentPid is { } traced && traced != e.Pid && traced != e.ParentPid));
        var orphan = execs[^1];
        Assert.NotEqual(parents[orphan.Pid], orphan.ParentPid);
    }

    // Built-ins only, but for the execs under test; "; true" keeps a shell from exec'ing its last command in place. The
    // orphan records its forker before that one ends, and its forker has ended, reaped, before the orphan exec's.
    private static string Script(string record, string recorded, string go, string done) => $$"""
        read me c s pp r < /proc/self/stat; echo "$me $pp" >> {{record}}
        /bin/sh -c 'echo "$$ $PPID" >> {{record}}; true'
        ( read me c s pp r < /proc/self/stat; echo "$me $pp" >> {{record}}; /bin/sh -c 'echo "$$ $PPID" >> {{record}}; true'; true )
        /bin/sh -c 'echo "$$ $PPID" >> {{record}}; exec /bin/sh -c "echo \$\$ \$PPID >> {{record}}; true"'
        ( ( read me c s pp r < /proc/self/stat; echo "$me $pp" >> {{record}}; echo x > {{recorded}}
            read g < {{go}}; exec /bin/sh -c 'echo x > {{done}}; true' ) &
          read me c s pp r < /proc/self/stat; echo "$me $pp" >> {{record}}; read x < {{recorded}} )
        echo go > {{go}}
        read d < {{done}}
        """;

    // Each process's first line: its pid, and the parent that forked it.
    private static Dictionary<int, int> ForkParents(string record)
    {
        var parents = new Dictionary<int, int>();
        foreach (var line in File.ReadLines(record))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            parents.TryAdd(int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
        }

        return parents;
    }

    private static int? NearestReported(Dictionary<int, int> parents, HashSet<int> reported, int parent)
    {
        for (var current = parent; ; current = parents[current])
        {
            if (reported.Contains(current))
            {
                return current;
            }

            if (!parents.ContainsKey(current))
            {
                return null;
            }
        }
    }
}
