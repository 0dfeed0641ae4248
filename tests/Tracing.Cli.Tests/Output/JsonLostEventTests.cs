using System.Text;
using System.Text.Json;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Tests.Output;

public class JsonLostEventTests
{
    private static readonly DateTimeOffset s_time = new(2025, 3, 14, 14, 2, 11, 532, TimeSpan.Zero);

    [Theory]
    [InlineData(true, LossReason.KernelBufferOverflow, "kernel_buffer_overflow")]
    [InlineData(false, LossReason.KernelBufferOverflow, "kernel_buffer_overflow")]
    [InlineData(true, LossReason.ScopeUndecided, "scope_undecided")]
    [InlineData(true, LossReason.MatchUndecided, "match_undecided")]
    public void Lost_events_are_reported_with_whether_the_count_is_exact_and_why(bool exact, LossReason reason, string expected)
    {
        using var json = Parse(new EventsLostEvent { Time = s_time, Count = 42, IsExact = exact, Reason = reason });

        Assert.Equal("lost", json.RootElement.GetProperty("event").GetString());
        Assert.Equal(42, json.RootElement.GetProperty("count").GetInt64());
        Assert.Equal(exact, json.RootElement.GetProperty("exact").GetBoolean());
        Assert.Equal(expected, json.RootElement.GetProperty("reason").GetString());
    }

    private static JsonDocument Parse(TraceEvent item)
    {
        var line = new StringBuilder();
        Assert.True(new JsonEventFormatter().TryFormat(item, line));
        return JsonDocument.Parse(line.ToString());
    }
}
