using Tracing.Darwin.Polling;

namespace Tracing.Darwin.Tests.Polling;

public class DarwinPollingOptionsTests
{
    [Fact]
    public void The_default_interval_is_100_ms_and_valid()
    {
        var options = new DarwinPollingOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Interval);
        Assert.Empty(options.GetValidationErrors());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(9)]
    [InlineData(60_001)]
    public void An_interval_out_of_range_is_rejected_naming_the_setting(int milliseconds)
    {
        var options = new DarwinPollingOptions { Interval = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.Contains("Interval", Assert.Single(options.GetValidationErrors()), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DarwinPollingEventSource(options, sysctl: new FakeKernel().Sysctl));
    }
}
