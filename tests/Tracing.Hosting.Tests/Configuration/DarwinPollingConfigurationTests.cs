using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Darwin.Polling;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary>The macOS section is bound and checked on every platform, so these run on Linux too.</summary>
public class DarwinPollingConfigurationTests
{
    private static DarwinPollingOptions Bound(Dictionary<string, string?> settings)
    {
        using var provider = ConfiguredProvider.Build(settings);
        return provider.GetRequiredService<IOptions<DarwinPollingOptions>>().Value;
    }

    [Fact]
    public void Without_the_section_the_defaults_apply()
    {
        var options = Bound([]);

        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Interval);
        Assert.False(options.CompareArguments);
    }

    [Fact]
    public void Every_key_of_ExecTracing_DarwinPolling_is_bound()
    {
        var options = Bound(new()
        {
            ["ExecTracing:DarwinPolling:Interval"] = "00:00:00.250",
            ["ExecTracing:DarwinPolling:CompareArguments"] = "true",
        });

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Interval);
        Assert.True(options.CompareArguments);
    }

    [Fact]
    public void The_limits_are_the_ones_the_event_source_accepts()
    {
        Assert.Equal(DarwinPollingOptions.MinInterval, Bound(new() { ["ExecTracing:DarwinPolling:Interval"] = "00:00:00.010" }).Interval);
        Assert.Equal(DarwinPollingOptions.MaxInterval, Bound(new() { ["ExecTracing:DarwinPolling:Interval"] = "00:01:00" }).Interval);
    }

    [Theory]
    [InlineData("00:00:00.009")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:01:00.001")]
    public void An_interval_out_of_range_fails_naming_the_key_and_the_range(string value)
    {
        var message = ConfiguredProvider.FailureOf<DarwinPollingOptions>(new() { ["ExecTracing:DarwinPolling:Interval"] = value });

        Assert.Equal("The field ExecTracing:DarwinPolling:Interval must be between 00:00:00.0100000 and 00:01:00.", message);
        // The event source would refuse it too: the two ranges agree.
        Assert.NotEmpty(new DarwinPollingOptions { Interval = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) }.GetValidationErrors());
    }

    [Fact]
    public void An_interval_that_is_no_time_span_fails_naming_the_key()
    {
        var message = ConfiguredProvider.FailureOf<DarwinPollingOptions>(new() { ["ExecTracing:DarwinPolling:Interval"] = "100ms" });

        Assert.Contains("'ExecTracing:DarwinPolling:Interval'", message, StringComparison.Ordinal);
    }
}
