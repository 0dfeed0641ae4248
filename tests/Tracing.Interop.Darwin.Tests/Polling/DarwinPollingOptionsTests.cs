using System.ComponentModel.DataAnnotations;
using Tracing.Darwin.Polling;

namespace Tracing.Darwin.Tests.Polling;

public class DarwinPollingOptionsTests
{
    [Fact]
    public void The_default_interval_is_100_ms_and_valid()
    {
        var options = new DarwinPollingOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Interval);
        Assert.True(RangeAttributeAccepts(options));
        options.ThrowIfInvalid("options");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(9)]
    [InlineData(60_001)]
    public void An_interval_out_of_range_is_rejected_by_the_source_naming_the_setting(int milliseconds)
    {
        var options = new DarwinPollingOptions { Interval = TimeSpan.FromMilliseconds(milliseconds) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DarwinPollingEventSource(options, sysctl: new FakeKernel().Sysctl));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("DarwinPollingOptions.Interval must be between 00:00:00.010 and 00:01:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(100)]
    [InlineData(59_999)]
    [InlineData(60_000)]
    [InlineData(60_001)]
    public void The_source_and_the_range_attribute_agree(int milliseconds)
    {
        var options = new DarwinPollingOptions { Interval = TimeSpan.FromMilliseconds(milliseconds) };
        var sourceAccepts = Record.Exception(() => options.ThrowIfInvalid("options")) is null;

        Assert.Equal(RangeAttributeAccepts(options), sourceAccepts);
        Assert.Equal(milliseconds is >= 10 and <= 60_000, sourceAccepts);
    }

    // What the data annotations say, read the reflection way (the generated validator in Hosting reads the same attribute).
    private static bool RangeAttributeAccepts(DarwinPollingOptions options) =>
        Validator.TryValidateProperty(
            options.Interval, new ValidationContext(options) { MemberName = nameof(DarwinPollingOptions.Interval) }, validationResults: null);
}
