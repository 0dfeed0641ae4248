using NSubstitute;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task An_exec_that_does_not_match_costs_one_read_of_its_command_name()
    {
        AddRootWithDescendants();
        _processes.Get(12).RealUid = _processes.Get(12).EffectiveUid = 0;

        var events = await TraceAsync(() => _source.Exec(12), o => InTree(o, ExecCondition.CommandName("git")));

        Assert.Empty(events);
        _processes.Reader.Received(1).TryReadCommandName(12, out Arg.Any<string?>());
        _processes.Reader.DidNotReceive().TryReadArguments(12, out Arg.Any<ProcessArguments?>());
        _processes.Reader.DidNotReceive().TryReadIdentity(12, out Arg.Any<ProcessIdentity>());
        _processes.Reader.DidNotReceive().TryReadCredentials(12, out Arg.Any<ProcessCredentials>());
        _processes.Reader.DidNotReceive().TryReadWorkingDirectory(12, out Arg.Any<string?>(), out Arg.Any<byte[]?>());
    }

    [Fact]
    public async Task A_matching_exec_reads_its_command_name_and_identity_once()
    {
        AddRootWithDescendants();
        var cc = _processes.Get(12);
        (cc.RealUid, cc.EffectiveUid, cc.IdentityReadable) = (1000, 1000, true);

        var events = await TraceAsync(
            () => _source.Exec(12),
            o => InTree(o, ExecCondition.CommandName("cc"), ExecCondition.RealUid(1000)));

        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(("cc", 1000u, 1000u), (exec.CommandName, exec.RealUid, exec.EffectiveUid));
        _processes.Reader.Received(1).TryReadCommandName(12, out Arg.Any<string?>());
        _processes.Reader.Received(1).TryReadIdentity(12, out Arg.Any<ProcessIdentity>());
        _processes.Reader.DidNotReceive().TryReadCredentials(12, out Arg.Any<ProcessCredentials>());
    }

    [Fact]
    public async Task A_run_keeps_the_conditions_it_started_with()
    {
        _processes.Add(40, 1, "git", "git");
        _processes.Add(41, 1, "make", "make");
        var options = new ExecTracingOptions();
        options.Conditions.Add(ExecCondition.CommandName("git"));
        await using var tracer = new ExecTracer(_source, _processes.Reader, _clock, options);
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        options.Conditions.Clear();
        _source.Exec(40);
        _source.Exec(41);
        await tracer.StopAsync();

        var events = await DrainAsync(reader);
        Assert.Equal([40], ExecPids(events));
    }

    [Fact]
    public async Task At_start_only_the_processes_in_scope_are_tested_and_their_command_name_is_stats()
    {
        AddRootWithDescendants();
        foreach (var pid in new[] { 1, Self, Root, 11, 12, 20 })
        {
            _processes.Get(pid).RealUid = _processes.Get(pid).EffectiveUid = pid == 12 ? 1000u : 0u;
        }

        var events = await TraceAsync(
            () =>
            {
                _source.Exit(12, 0, 9_000_000_000, 11);
                _source.Exit(11, 0, 9_100_000_000, Root);
            },
            o => InTreeWithExits(o, ExecCondition.RealUid(1000), ExecCondition.CommandName("cc")));

        Assert.Equal(12, Assert.Single(events.OfType<ExitEvent>()).Pid);
        _processes.Reader.DidNotReceive().TryReadCredentials(20, out Arg.Any<ProcessCredentials>());
        _processes.Reader.DidNotReceive().TryReadCredentials(1, out Arg.Any<ProcessCredentials>());
        _processes.Reader.DidNotReceive().TryReadCommandName(12, out Arg.Any<string?>());
    }
}
