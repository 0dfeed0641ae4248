using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Darwin;

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

    // The event source checks the same range (DarwinPollingOptionsTests in the Darwin tests compare the two).
    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), Bound(new() { ["ExecTracing:DarwinPolling:Interval"] = "00:00:00.010" }).Interval);
        Assert.Equal(TimeSpan.FromMinutes(1), Bound(new() { ["ExecTracing:DarwinPolling:Interval"] = "00:01:00" }).Interval);
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
    }

    [Fact]
    public void An_interval_that_is_no_time_span_fails_naming_the_key()
    {
        var message = ConfiguredProvider.FailureOf<DarwinPollingOptions>(new() { ["ExecTracing:DarwinPolling:Interval"] = "100ms" });

        Assert.Contains("'ExecTracing:DarwinPolling:Interval'", message, StringComparison.Ordinal);
    }
}
