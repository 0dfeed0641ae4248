using NSubstitute;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// Execs a source captured in the kernel (<see cref="KernelEvent.Capture"/>, Linux's eBPF source): what was captured is
/// taken as it is, not read from a process that may be gone; a cut argv is completed from the process when it can be,
/// and said to be cut when not.
/// </summary>
public sealed partial class ExecTracerTests
{
    private const int Captured = 700;

    private static readonly ProcessArguments s_capturedArgv = ProcessArguments.FromStrings(["git", "commit", "-m", "fix"]);

    [Fact]
    public async Task A_captured_exec_of_a_process_already_gone_has_its_captured_argv_name_parent_and_users()
    {
        // Nothing in the process table: every read would fail.
        var capture = new ExecCapture
        {
            Arguments = s_capturedArgv,
            CommandName = "git",
            Identity = new ProcessIdentity(Self, new ProcessCredentials(1000, 0), 77),
        };

        var events = await TraceAsync(() => _source.ExecCaptured(Captured, capture, Self), o => o.Details = ExecDetails.Credentials | ExecDetails.CommandName);

        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
        Assert.Equal(s_capturedArgv.Strings, exec.Arguments.Strings);
        Assert.Equal(("git", Self, 1000u, 0u), (exec.CommandName, exec.ParentPid, exec.RealUid, exec.EffectiveUid));
        _processes.Reader.DidNotReceive().TryReadArguments(Captured, out Arg.Any<ProcessArguments?>());
        _processes.Reader.DidNotReceive().TryReadCredentials(Captured, out Arg.Any<ProcessCredentials>());
        _processes.Reader.DidNotReceive().TryReadIdentity(Captured, out Arg.Any<ProcessIdentity>());
    }

    [Theory]
    [InlineData(true, "Complete")]
    [InlineData(false, "Truncated")]
    public async Task A_cut_argv_is_completed_from_the_process_when_it_still_runs_it_and_said_to_be_cut_when_not(bool running, string expected)
    {
        string[] whole = ["cc", "-o", "out", new string('x', 500)];
        if (running)
        {
            _processes.Add(Captured, Self, "cc", whole);
        }

        // The capture's limit cut the last argument after 10 bytes.
        var cut = ProcessArguments.FromNulSeparated(System.Text.Encoding.UTF8.GetBytes("cc\0-o\0out\0xxxxxxxxxx"));
        var capture = new ExecCapture { Arguments = cut, ArgumentsTruncated = true, CommandName = "cc" };

        var events = await TraceAsync(() => _source.ExecCaptured(Captured, capture, Self));

        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(Enum.Parse<ArgvSource>(expected), exec.ArgvSource);
        Assert.Equal(running ? whole : ["cc", "-o", "out", "xxxxxxxxxx"], exec.Arguments.Strings);
    }

    [Fact]
    public async Task A_cut_argv_is_not_completed_from_a_process_that_runs_another_program_since()
    {
        // The process exec'd again before it was read: its argv is not the one that was cut.
        _processes.Add(Captured, Self, "sh", "sh", "-c", "other");
        var cut = ProcessArguments.FromNulSeparated("cc\0-o\0ou"u8);
        var capture = new ExecCapture { Arguments = cut, ArgumentsTruncated = true };

        var events = await TraceAsync(() => _source.ExecCaptured(Captured, capture, Self));

        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(ArgvSource.Truncated, exec.ArgvSource);
        Assert.Equal(["cc", "-o", "ou"], exec.Arguments.Strings);
    }

    [Fact]
    public async Task A_capture_without_argv_falls_back_to_reading_the_process()
    {
        _processes.Add(Captured, Self, "ls", "ls", "-l");

        var events = await TraceAsync(() => _source.ExecCaptured(Captured, new ExecCapture { CommandName = "ls" }, Self));

        Assert.Equal(["ls", "-l"], Assert.Single(events.OfType<ExecEvent>()).Arguments.Strings);
    }

    [Fact]
    public async Task A_unified_cgroup_scope_is_offered_to_the_source_and_an_exec_it_marks_in_scope_is_not_read_to_decide_it()
    {
        // Nothing readable of the process: read, its scope could not be decided (a loss); marked, it is reported.
        var events = await TraceAsync(
            () => _source.ExecInScope(Captured, Self),
            o => (o.Filter, o.Details) = (ExecTraceFilter.Cgroup("/system.slice/web.service", string.Empty), ExecDetails.None));

        Assert.Equal("/system.slice/web.service", _source.Scope?.UnifiedCgroup);
        Assert.Equal(Captured, Assert.Single(events.OfType<ExecEvent>()).Pid);
        Assert.Empty(events.OfType<EventsLostEvent>());
        _processes.Reader.DidNotReceive().TryReadCgroups(Captured, out Arg.Any<IReadOnlyList<CgroupMembership>?>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cpu")]
    public async Task A_cgroup_scope_of_v1_or_of_any_hierarchy_is_left_to_user_space(string? controller)
    {
        await TraceAsync(() => { }, o => o.Filter = ExecTraceFilter.Cgroup("/build", controller));

        Assert.Null(_source.Scope?.UnifiedCgroup);
    }
}
