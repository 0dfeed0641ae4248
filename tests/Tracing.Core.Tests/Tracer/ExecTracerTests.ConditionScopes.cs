using NSubstitute;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Conditions_apply_within_a_cgroup_scope()
    {
        _processes.Add(200, 1, "git", "git").Cgroups = [new("", "/system.slice/app.service")];
        _processes.Add(201, 1, "sh", "sh").Cgroups = [new("", "/system.slice/app.service")];
        _processes.Add(202, 1, "git", "git").Cgroups = [new("", "/user.slice")];

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200);
                _source.Exec(201);
                _source.Exec(202);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.Cgroup("/system.slice/app.service");
                o.Conditions.Add(ExecCondition.CommandName("git"));
            });

        Assert.Equal([200], ExecPids(events));
    }

    [Fact]
    public async Task Conditions_apply_within_a_launched_commands_subtree()
    {
        var launched = Substitute.For<ILaunchedCommand>();
        launched.Pid.Returns(500);
        var launcher = Substitute.For<ICommandLauncher>();
        launcher.Launch(Arg.Any<CommandSpec>()).Returns(_ =>
        {
            _processes.Add(500, Self, "make", "make", "all");
            _source.Fork(Self, 500, 1);
            _source.Exec(500, 2);
            return launched;
        });
        _processes.Add(501, 500, "cc", "cc", "-c", "a.c");
        _processes.Add(502, 500, "cc", "cc", "-c", "b.c");
        _processes.Get(502).RealUid = _processes.Get(502).EffectiveUid = 1000;
        _processes.Get(501).RealUid = _processes.Get(501).EffectiveUid = 0;

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(500, 501, 5);
                _source.Exec(501, 6);
                _source.Fork(500, 502, 7);
                _source.Exec(502, 8);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.RunCommand(new CommandSpec("make", ["all"]));
                o.Conditions.Add(ExecCondition.CommandName("cc"));
                o.Conditions.Add(ExecCondition.RealUid(1000));
            },
            launcher);

        Assert.Equal([502], ExecPids(events));
    }
}
