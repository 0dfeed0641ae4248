using System.Diagnostics;
using Tracing.Events;
using Tracing.OpenTelemetry.Spans;
using Tracing.OpenTelemetry.Tests.Fakes;
using Tracing.Signals;

namespace Tracing.OpenTelemetry.Tests.Spans;

public sealed partial class ProcessSpansTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SpanCapture _capture = new();
    private readonly ProcessSpans _spans;

    public ProcessSpansTests() => _spans = new ProcessSpans(_capture.Source, includeArgs: false, tracerName: null);

    public void Dispose() => _capture.Dispose();

    private static ExecEvent Exec(int pid, int parentPid, int? tracedParent, double atMs, string path) => new()
    {
        Pid = pid,
        ParentPid = parentPid,
        TracedParentPid = tracedParent,
        Time = s_t0.AddMilliseconds(atMs),
        ExecutablePath = path,
        CommandName = Path.GetFileName(path),
    };

    private static ExitEvent Exit(int pid, double atMs, int status = 0)
    {
        var (code, signal, core) = ExitEvent.DecodeWaitStatus(status);
        return new() { Pid = pid, Time = s_t0.AddMilliseconds(atMs), ExitCode = code, Signal = signal, CoreDumped = core, RawStatus = status };
    }

    private Activity Start(ExecEvent exec) => _spans.OnExec(exec, SpanCapture.Stop) ?? throw new InvalidOperationException("no span");

    [Fact]
    public void A_child_is_a_span_under_its_parents_in_the_same_trace_and_a_root_starts_a_trace()
    {
        var make = Start(Exec(10, 1, null, 0, "/usr/bin/make"));
        var cc = Start(Exec(11, 10, 10, 5, "/usr/bin/cc"));

        Assert.Equal(default, make.ParentSpanId);
        Assert.Equal(make.TraceId, cc.TraceId);
        Assert.Equal(make.SpanId, cc.ParentSpanId);
        Assert.Equal("make", make.DisplayName);
        Assert.Equal("cc", cc.DisplayName);
        Assert.Equal(2, _spans.OpenCount);
    }

    [Fact]
    public void A_grandchild_through_a_fork_that_never_execd_is_under_its_nearest_traced_ancestor()
    {
        var make = Start(Exec(10, 1, null, 0, "/usr/bin/make"));

        // 11 is make's subshell: forked, never exec'd; its child 12 is make's descendant.
        var cc = Start(Exec(12, 11, 10, 5, "/usr/bin/cc"));

        Assert.Equal(make.TraceId, cc.TraceId);
        Assert.Equal(make.SpanId, cc.ParentSpanId);
    }

    [Fact]
    public void A_re_exec_ends_the_previous_program_at_the_exec_and_the_new_one_is_its_child()
    {
        var sh = Start(Exec(10, 1, null, 0, "/bin/sh"));
        var env = Start(Exec(10, 1, 10, 7, "/usr/bin/env"));
        var python = Start(Exec(10, 1, 10, 9, "/usr/bin/python3"));

        var ended = _capture.Stopped.ToArray();
        Assert.Equal([sh, env], ended);
        Assert.Equal(SpanEnd.Exec, sh.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(SpanEnd.Exec, env.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(env.StartTimeUtc, sh.StartTimeUtc + sh.Duration);
        Assert.Equal(python.StartTimeUtc, env.StartTimeUtc + env.Duration);
        Assert.Equal(sh.SpanId, env.ParentSpanId);
        Assert.Equal(env.SpanId, python.ParentSpanId);
        Assert.Equal(sh.TraceId, python.TraceId);
        Assert.Equal(1, _spans.OpenCount);
    }

    [Fact]
    public void A_reused_pid_whose_exit_was_lost_ends_the_old_span_and_the_new_one_is_under_its_real_parent()
    {
        var make = Start(Exec(10, 1, null, 0, "/usr/bin/make"));
        var old = Start(Exec(20, 10, 10, 1, "/usr/bin/cc"));
        var bash = Start(Exec(30, 1, null, 2, "/bin/bash"));

        // 20's exit was lost; pid 20 is now bash's child.
        var reused = Exec(20, 30, 30, 50, "/usr/bin/ls");
        var ls = Start(reused);

        Assert.Equal([old], _capture.Stopped);
        Assert.Equal(SpanEnd.ExitNotSeen, old.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(reused.Time.UtcDateTime, old.StartTimeUtc + old.Duration);
        Assert.Equal(bash.SpanId, ls.ParentSpanId);
        Assert.Equal(bash.TraceId, ls.TraceId);
        Assert.NotEqual(make.TraceId, ls.TraceId);
    }

    [Fact]
    public void A_span_runs_from_its_execs_time_to_its_exits_time()
    {
        var exec = Exec(10, 1, null, 12.5, "/usr/bin/sleep");
        var exit = Exit(10, 1012.5);
        var span = Start(exec);
        _spans.OnExit(exit);
        span.Stop();

        Assert.Equal(exec.Time.UtcDateTime, span.StartTimeUtc);
        Assert.Equal(exit.Time - exec.Time, span.Duration);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_span_whose_end_is_not_after_its_start_still_lasts_a_moment_not_until_now(double exitAfterMs)
    {
        var span = Start(Exec(10, 1, null, 100, "/usr/bin/true"));
        _spans.OnExit(Exit(10, 100 + exitAfterMs));
        span.Stop();

        Assert.True(span.Duration > TimeSpan.Zero);
        Assert.True(span.Duration < TimeSpan.FromMilliseconds(1), $"{span.Duration}");
    }

    [Fact]
    public void Without_a_listener_no_span_is_started_and_nothing_fails()
    {
        using var unheard = new ActivitySource("Tracing.Tests.Unheard." + Guid.NewGuid().ToString("N"));
        var spans = new ProcessSpans(unheard, includeArgs: true, tracerName: "web");
        var ended = new List<Activity>();

        Assert.Null(spans.OnExec(Exec(10, 1, null, 0, "/bin/sh"), ended.Add));
        Assert.Null(spans.OnExec(Exec(10, 1, 10, 1, "/bin/ls"), ended.Add));
        Assert.Null(spans.OnExit(Exit(10, 2)));
        spans.EndAll(s_t0.AddSeconds(1), ended.Add);

        Assert.Equal(0, spans.OpenCount);
        Assert.Empty(ended);
    }

    [Fact]
    public void A_span_is_started_with_no_parent_even_when_the_thread_has_a_current_activity()
    {
        using var outer = _capture.Source.StartActivity("outer");
        Assert.NotNull(outer);

        var make = Start(Exec(10, 1, null, 0, "/usr/bin/make"));

        Assert.Equal(default, make.ParentSpanId);
        Assert.NotEqual(outer.TraceId, make.TraceId);
        Assert.Same(outer, Activity.Current);
    }
}
