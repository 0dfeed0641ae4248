using NSubstitute;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Everything_filter_reports_an_exec_with_what_the_reader_knows()
    {
        var git = _processes.Add(200, 150, "git", "git", "commit", "-m", "fix bug");
        git.ExecutablePath = "/usr/bin/git";
        git.WorkingDirectory = "/src/repo";
        git.RealUid = 1000;
        git.EffectiveUid = 0;
        var before = DateTimeOffset.UtcNow;

        var events = await TraceAsync(() => _source.Exec(200, timestampNs: ClockNowNs - 1_000_000_000));

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(200, exec.Pid);
        Assert.Equal(150, exec.ParentPid);
        Assert.Equal(["git", "commit", "-m", "fix bug"], exec.Arguments.Strings);
        Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
        Assert.Equal("git", exec.CommandName);
        Assert.Equal("/usr/bin/git", exec.ExecutablePath);
        Assert.Equal("/src/repo", exec.WorkingDirectory);
        Assert.Equal(1000u, exec.RealUid);
        Assert.Equal(0u, exec.EffectiveUid);
        Assert.Equal(ClockNowNs - 1_000_000_000, exec.KernelTimestampNs);

        // The kernel stamped it one second before the clock's now: the wall-clock time is a second back.
        Assert.InRange(exec.Time, before - TimeSpan.FromSeconds(1.5), DateTimeOffset.UtcNow - TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task Working_directory_is_not_read_when_disabled()
    {
        _processes.Add(200, 150, "ls", "ls").WorkingDirectory = "/tmp";

        var events = await TraceAsync(() => _source.Exec(200), o => o.Details = Tracing.Tracer.ExecDetails.All & ~Tracing.Tracer.ExecDetails.WorkingDirectory);

        Assert.Null(Assert.IsType<ExecEvent>(Assert.Single(events)).WorkingDirectory);
    }

    [Fact]
    public async Task Argv_falls_back_to_the_command_name_when_arguments_cannot_be_read()
    {
        // A process that exited right after its exec: its stat is still there (zombie), its cmdline is empty.
        _processes.Add(200, 150, "short-lived");

        var events = await TraceAsync(() => _source.Exec(200));

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(ArgvSource.CommandName, exec.ArgvSource);
        Assert.Equal(["short-lived"], exec.Arguments.Strings);
        Assert.Equal("short-lived", exec.CommandName);
        Assert.Equal(150, exec.ParentPid);
    }

    [Fact]
    public async Task A_parent_from_the_fork_the_source_saw_spares_every_other_read()
    {
        _processes.Add(200, 150, "true", "/bin/true", "x").IdentityReadable = true;

        var events = await TraceAsync(() => _source.Exec(200, forkParent: 150), o => o.Details = Tracing.Tracer.ExecDetails.None);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(150, exec.ParentPid);
        Assert.Equal(["/bin/true", "x"], exec.Arguments.Strings);
        // (The warm-up before the subscription reads the tracer's own process: only the exec'd one counts.)
        _processes.Reader.DidNotReceive().TryReadIdentity(200, out Arg.Any<ProcessIdentity>());
        _processes.Reader.DidNotReceive().TryReadStat(200, out Arg.Any<ProcessStat>());
    }

    [Fact]
    public async Task Without_a_parent_from_the_source_the_parent_comes_from_the_identity_read()
    {
        var process = _processes.Add(200, 150, "true", "/bin/true");
        process.IdentityReadable = true;
        process.RealUid = 1000;
        process.EffectiveUid = 1000;

        var events = await TraceAsync(() => _source.Exec(200), o => o.Details = Tracing.Tracer.ExecDetails.None);

        Assert.Equal(150, Assert.IsType<ExecEvent>(Assert.Single(events)).ParentPid);
        _processes.Reader.Received(1).TryReadIdentity(200, out Arg.Any<ProcessIdentity>());
        _processes.Reader.DidNotReceive().TryReadStat(200, out Arg.Any<ProcessStat>());
    }

    [Fact]
    public async Task Ids_shown_are_still_read_when_the_source_gave_the_parent()
    {
        var process = _processes.Add(200, 150, "true", "/bin/true");
        process.IdentityReadable = true;
        process.RealUid = 1000;
        process.EffectiveUid = 0;

        var events = await TraceAsync(() => _source.Exec(200, forkParent: 150), o => o.Details = Tracing.Tracer.ExecDetails.Credentials);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal((150, 1000u, 0u), (exec.ParentPid, exec.RealUid, exec.EffectiveUid));
    }

    [Fact]
    public async Task Every_detail_with_a_known_parent_takes_the_command_name_alone_not_stat()
    {
        var process = _processes.Add(200, 150, "git", "git", "status");
        process.IdentityReadable = true;
        process.RealUid = 1000;
        process.EffectiveUid = 1000;

        var events = await TraceAsync(() => _source.Exec(200, forkParent: 150), o => o.Details = Tracing.Tracer.ExecDetails.All);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(("git", 150, 1000u), (exec.CommandName, exec.ParentPid, exec.RealUid));
        _processes.Reader.Received(1).TryReadCommandName(200, out Arg.Any<string?>());
        _processes.Reader.DidNotReceive().TryReadStat(200, out Arg.Any<ProcessStat>());
    }

    [Fact]
    public async Task A_process_gone_before_it_was_read_keeps_the_parent_of_the_fork_the_source_saw()
    {
        var events = await TraceAsync(() => _source.Exec(404, forkParent: 150));

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(ArgvSource.None, exec.ArgvSource);
        Assert.Equal(150, exec.ParentPid);
    }

    [Fact]
    public async Task Argv_is_empty_with_source_None_when_stat_cannot_be_read_either()
    {
        var events = await TraceAsync(() => _source.Exec(404));

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(404, exec.Pid);
        Assert.Equal(ArgvSource.None, exec.ArgvSource);
        Assert.Equal(0, exec.Arguments.Count);
        Assert.Null(exec.CommandName);
        Assert.Null(exec.ExecutablePath);
        Assert.Null(exec.WorkingDirectory);
        Assert.Null(exec.RealUid);
        Assert.Null(exec.EffectiveUid);
    }

    [Fact]
    public async Task Everything_filter_without_exits_asks_the_kernel_for_execs_only()
    {
        await using var tracer = CreateTracer();

        await tracer.StartAsync();

        Assert.Equal(KernelEventInterest.Exec, _source.Interest & KernelEventInterest.All);
    }

    [Fact]
    public async Task Exits_need_forks_and_exits_from_the_kernel()
    {
        await using var tracer = CreateTracer(o => o.IncludeExits = true);

        await tracer.StartAsync();

        Assert.Equal(KernelEventInterest.All, _source.Interest & KernelEventInterest.All);
    }
}
