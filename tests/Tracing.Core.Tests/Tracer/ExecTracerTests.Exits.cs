using Tracing.Events;
using Tracing.Filtering;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Exits_are_reported_with_code_signal_and_lifetime_from_the_fork()
    {
        AddRootWithDescendants();
        _processes.Add(13, Root, "make", "make");
        _processes.Add(14, Root, "crashy", "crashy");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, 13, timestampNs: 1_000_000_000);
                _source.Exec(13, 1_100_000_000);
                _source.Exit(13, status: 768, timestampNs: 3_500_000_000, parentPid: Root);
                _source.Fork(Root, 14, 4_000_000_000);
                _source.Exec(14, 4_000_000_100);
                _source.Exit(14, status: 0x8B, timestampNs: 4_250_000_000, parentPid: Root);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.IncludeExits = true;
            });

        var exits = events.OfType<ExitEvent>().ToList();
        Assert.Equal(2, exits.Count);
        Assert.Equal(13, exits[0].Pid);
        Assert.Equal(Root, exits[0].ParentPid);
        Assert.Equal(3, exits[0].ExitCode);
        Assert.Null(exits[0].Signal);
        Assert.False(exits[0].CoreDumped);
        Assert.Equal(768, exits[0].RawStatus);
        Assert.Equal(TimeSpan.FromSeconds(2.5), exits[0].Lifetime);
        Assert.Equal("make", exits[0].CommandName);
        Assert.Equal(3_500_000_000, exits[0].KernelTimestampNs);

        Assert.Equal(14, exits[1].Pid);
        Assert.Null(exits[1].ExitCode);
        Assert.Equal(11, exits[1].Signal);
        Assert.True(exits[1].CoreDumped);
        Assert.Equal(TimeSpan.FromMilliseconds(250), exits[1].Lifetime);
    }

    [Fact]
    public async Task Exit_of_a_process_that_existed_before_tracing_has_no_lifetime()
    {
        AddRootWithDescendants();

        var events = await TraceAsync(
            () => _source.Exit(12, 0, 9_000_000_000, 11),
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.IncludeExits = true;
            });

        var exit = Assert.IsType<ExitEvent>(Assert.Single(events));
        Assert.Equal(12, exit.Pid);
        Assert.Equal(0, exit.ExitCode);
        Assert.Null(exit.Lifetime);
        Assert.Equal("cc", exit.CommandName);
    }

    [Fact]
    public async Task Exits_are_not_reported_unless_asked_for()
    {
        AddRootWithDescendants();

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(12);
                _source.Exit(12, 0);
            },
            o => o.Filter = ExecTraceFilter.ProcessTree(Root));

        Assert.IsType<ExecEvent>(Assert.Single(events));
    }

    [Fact]
    public async Task Everything_filter_reports_exits_only_of_processes_whose_exec_it_reported()
    {
        _processes.Add(300, 1, "sleep", "sleep", "1");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(1, 300, 1_000);
                _source.Exec(300, 2_000);
                _source.Exit(300, 0, 5_000);
                _source.Fork(1, 301, 6_000);
                _source.Exit(301, 0, 7_000);
            },
            o => o.IncludeExits = true);

        Assert.Collection(
            events,
            e => Assert.Equal(300, Assert.IsType<ExecEvent>(e).Pid),
            e => Assert.Equal(300, Assert.IsType<ExitEvent>(e).Pid));
    }
}
