using System.Diagnostics;
using Tracing.OpenTelemetry.Spans;
using Tracing.OpenTelemetry.Tests.Fakes;
using Tracing.Signals;

namespace Tracing.OpenTelemetry.Tests.Spans;

/// <summary>How spans end: at an exit, with its outcome, or when tracing stops.</summary>
public sealed partial class ProcessSpansTests
{
    [Theory]
    [InlineData(2 << 8, 2, null)]
    [InlineData(127 << 8, 127, null)]
    [InlineData(9, null, 9)]
    [InlineData(11 | 0x80, null, 11)]
    public void An_exit_that_failed_carries_its_code_or_signal_error_type_and_error_status(int status, int? code, int? signal)
    {
        var span = Start(Exec(10, 1, null, 0, "/usr/bin/false"));
        var exit = Exit(10, 30, status);

        Assert.Same(span, _spans.OnExit(exit));
        span.Stop();

        var expectedError = signal is int s ? SignalNames.Get(s) : code!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(code, span.GetTagItem(ProcessAttributes.ExitCode));
        Assert.Equal(signal is int n ? SignalNames.Get(n) : null, span.GetTagItem(ProcessAttributes.ExitSignal));
        Assert.Equal(signal is null ? null : exit.CoreDumped, span.GetTagItem(ProcessAttributes.CoreDumped));
        Assert.Equal(expectedError, span.GetTagItem(ProcessAttributes.ErrorType));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Contains(expectedError, span.StatusDescription, StringComparison.Ordinal);
        Assert.Equal(SpanEnd.Exit, span.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(0, _spans.OpenCount);
    }

    [Fact]
    public void An_exit_with_0_has_its_code_and_no_error()
    {
        var span = Start(Exec(10, 1, null, 0, "/usr/bin/true"));

        Assert.Same(span, _spans.OnExit(Exit(10, 30)));
        span.Stop();

        Assert.Equal(0, span.GetTagItem(ProcessAttributes.ExitCode));
        Assert.Null(span.GetTagItem(ProcessAttributes.ErrorType));
        Assert.Null(span.GetTagItem(ProcessAttributes.ExitSignal));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public void An_exit_of_a_process_without_a_span_is_nothing()
    {
        Start(Exec(10, 1, null, 0, "/usr/bin/true"));

        Assert.Null(_spans.OnExit(Exit(99, 30)));
        Assert.Equal(1, _spans.OpenCount);
    }

    [Fact]
    public void EndAll_ends_every_open_span_at_the_given_time_as_tracing_stopped()
    {
        var make = Start(Exec(10, 1, null, 0, "/usr/bin/make"));
        var cc = Start(Exec(11, 10, 10, 5, "/usr/bin/cc"));
        var now = s_t0.AddSeconds(3);

        _spans.EndAll(now, SpanCapture.Stop);

        Assert.Equal(0, _spans.OpenCount);
        Assert.Equal(new HashSet<Activity> { make, cc }, _capture.Stopped.ToHashSet());
        foreach (var span in new[] { make, cc })
        {
            Assert.Equal(SpanEnd.TracingStopped, span.GetTagItem(ProcessAttributes.SpanEnd));
            Assert.Equal(now.UtcDateTime, span.StartTimeUtc + span.Duration);
        }
    }
}
