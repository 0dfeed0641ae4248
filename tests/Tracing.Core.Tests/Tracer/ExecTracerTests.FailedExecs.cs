using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>Failed execs: reported when asked, in the scope and conditions of execs, refused by a source that cannot see them.</summary>
public sealed partial class ExecTracerTests
{
    private const int Caller = 710;

    private static ExecCapture FailedCapture(string path) => new()
    {
        Arguments = ProcessArguments.FromStrings([Path.GetFileName(path), "--version"]),
        CommandName = "sh",
        Identity = new ProcessIdentity(Self, new ProcessCredentials(1000, 1000)),
        Path = System.Text.Encoding.UTF8.GetBytes(path),
        Errno = 2,
        ErrorName = "ENOENT",
    };

    [Fact]
    public async Task A_failed_exec_is_reported_with_its_path_argv_and_error_when_asked()
    {
        _source.Supports = KernelEventInterest.All | KernelEventInterest.FailedExec;

        var events = await TraceAsync(() => _source.ExecFailed(Caller, FailedCapture("/usr/bin/gti"), Self), o => o.IncludeFailedExecs = true);

        var failed = Assert.Single(events.OfType<ExecFailedEvent>());
        Assert.Equal((Caller, Self, "/usr/bin/gti", 2, "ENOENT", "sh"), (failed.Pid, failed.ParentPid, failed.Path, failed.Errno, failed.ErrorName, failed.CommandName));
        Assert.Null(failed.PathBytes);
        Assert.Equal(["gti", "--version"], failed.Arguments.Strings);
        Assert.Equal(ArgvSource.Complete, failed.ArgvSource);
        Assert.Equal((1000u, 1000u), (failed.RealUid, failed.EffectiveUid));
        Assert.True(_source.Interest.HasFlag(KernelEventInterest.FailedExec));
        Assert.Empty(events.OfType<ExecEvent>());
    }

    [Fact]
    public async Task A_failed_exec_is_not_reported_unless_asked()
    {
        _source.Supports = KernelEventInterest.All | KernelEventInterest.FailedExec;

        var events = await TraceAsync(() => _source.ExecFailed(Caller, FailedCapture("/nonexistent"), Self));

        Assert.Empty(events.OfType<ExecFailedEvent>());
        Assert.False(_source.Interest.HasFlag(KernelEventInterest.FailedExec));
    }

    [Fact]
    public async Task A_path_that_is_not_UTF8_keeps_its_bytes()
    {
        _source.Supports = KernelEventInterest.All | KernelEventInterest.FailedExec;
        var capture = FailedCapture("/tmp/x");
        byte[] raw = [(byte)'/', (byte)'x', 0xFF];

        var events = await TraceAsync(
            () => _source.ExecFailed(Caller, new ExecCapture { Path = raw, Errno = 13, ErrorName = "EACCES", Arguments = capture.Arguments }, Self),
            o => o.IncludeFailedExecs = true);

        var failed = Assert.Single(events.OfType<ExecFailedEvent>());
        Assert.Equal(raw, failed.PathBytes!.Value.ToArray());
        Assert.Equal("/x\uFFFD", failed.Path);
    }

    [Fact]
    public async Task A_command_name_condition_is_tested_against_the_program_that_failed_to_start()
    {
        _source.Supports = KernelEventInterest.All | KernelEventInterest.FailedExec;

        var events = await TraceAsync(
            () =>
            {
                _source.ExecFailed(Caller, FailedCapture("/usr/local/bin/git"), Self);
                _source.ExecFailed(Caller, FailedCapture("/usr/local/bin/make"), Self);
            },
            o => (o.IncludeFailedExecs, o.CommandNames) = (true, ["git"]));

        Assert.Equal("/usr/local/bin/git", Assert.Single(events.OfType<ExecFailedEvent>()).Path);
    }

    [Fact]
    public async Task A_failed_exec_outside_a_process_tree_scope_is_not_reported()
    {
        _source.Supports = KernelEventInterest.All | KernelEventInterest.FailedExec;
        _processes.Add(Caller, Self, "sh", "sh");
        _processes.Add(720, 1, "other", "other");

        var events = await TraceAsync(
            () =>
            {
                _source.ExecFailed(Caller, FailedCapture("/in/scope"), Self);
                _source.ExecFailed(720, FailedCapture("/out/of/scope"), 1);
            },
            o => (o.IncludeFailedExecs, o.Filter) = (true, ExecTraceFilter.ProcessTree(Self)));

        Assert.Equal("/in/scope", Assert.Single(events.OfType<ExecFailedEvent>()).Path);
    }

    [Fact]
    public async Task A_source_that_cannot_see_failed_execs_refuses_a_start_that_asks_for_them()
    {
        await using var tracer = CreateTracer(o => o.IncludeFailedExecs = true);

        var error = await Assert.ThrowsAsync<TracingUnavailableException>(() => tracer.StartAsync());

        Assert.Contains("eBPF", error.Message, StringComparison.Ordinal);
        Assert.False(_source.IsStarted);
    }

    [Theory]
    [InlineData(ExecDetails.None, false)]
    [InlineData(ExecDetails.Container | ExecDetails.Credentials | ExecDetails.CommandName, false)]
    [InlineData(ExecDetails.ExecutablePath, true)]
    [InlineData(ExecDetails.WorkingDirectory, true)]
    [InlineData(ExecDetails.Environment, true)]
    [InlineData(ExecDetails.UserName, true)]
    public async Task The_source_is_asked_to_deliver_promptly_only_when_the_tracer_reads_each_process_after_its_exec(ExecDetails details, bool prompt)
    {
        await using var tracer = CreateTracer(o => o.Details = details);
        await tracer.StartAsync();

        Assert.Equal(prompt, _source.Interest.HasFlag(KernelEventInterest.Prompt));
        await tracer.StopAsync();
    }
}
