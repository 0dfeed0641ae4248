using System.Globalization;
using System.Text;
using Tracing.Cli.Output;

namespace Tracing.Cli.Tests.Output;

public class LocalTimeOfDayTests
{
    // Central European Time: +01:00, +02:00 from the last Sunday of March 01:00 UTC to the last Sunday of October.
    private static readonly TimeZoneInfo s_berlin = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Berlin",
        TimeSpan.FromHours(1),
        "Test/Berlin",
        "CET",
        "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date,
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    public static TheoryData<string> Instants => new()
    {
        "2025-03-14T14:02:11.532Z",
        "2025-03-30T00:59:59.999Z", // the last millisecond of winter time
        "2025-03-30T01:00:00.000Z", // summer time: 02:00 local becomes 03:00
        "2025-10-26T00:59:59.999Z",
        "2025-10-26T01:00:00.000Z", // back to winter time: 03:00 local becomes 02:00 again
        "2025-12-31T23:30:00.007Z", // local time is past midnight, in the next year
        "0001-01-01T00:00:00.000Z",
        "9999-12-31T22:59:59.999Z",
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void Writes_what_ToLocalTime_and_the_format_string_write(string instant)
    {
        var time = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var expected = TimeZoneInfo.ConvertTime(time, s_berlin).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

        Assert.Equal(expected, Format(new LocalTimeOfDay(s_berlin), time));
    }

    [Fact]
    public void A_reused_instance_follows_the_offset_across_a_transition()
    {
        var format = new LocalTimeOfDay(s_berlin);
        var start = new DateTimeOffset(2025, 3, 30, 0, 59, 0, TimeSpan.Zero);

        // Every second across the switch to summer time, through one instance (its cached offset must move on).
        for (var second = 0; second < 180; second++)
        {
            var time = start.AddSeconds(second).AddMilliseconds(second * 7 % 1000);
            Assert.Equal(TimeZoneInfo.ConvertTime(time, s_berlin).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), Format(format, time));
        }
    }

    [Fact]
    public void An_offset_given_with_the_instant_does_not_change_the_local_time()
    {
        var utc = new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero);
        var sameInstantElsewhere = utc.ToOffset(TimeSpan.FromHours(-7));

        Assert.Equal("12:00:00.000", Format(new LocalTimeOfDay(s_berlin), sameInstantElsewhere));
    }

    private static string Format(LocalTimeOfDay format, DateTimeOffset time)
    {
        var line = new StringBuilder();
        format.Append(line, time);
        return line.ToString();
    }
}
