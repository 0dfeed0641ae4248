using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Linux;
using Tracing.Ports;

namespace Tracing.Hosting.Tests.Configuration;

public class ProcConnectorConfigurationTests
{
    private static ProcConnectorOptions Bound(Dictionary<string, string?> settings)
    {
        using var provider = ConfiguredProvider.Build(settings);
        return provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value;
    }

    [Fact]
    public void Without_the_section_the_defaults_apply()
    {
        var options = Bound(new() { ["ExecTracing:IncludeExits"] = "true" });

        Assert.Equal(TimeSpan.FromSeconds(2), options.SubscribeTimeout);
        Assert.Equal(4 * 1024 * 1024, options.ReceiveBufferBytes);
        Assert.Equal(10, options.RealtimePriority);
        Assert.True(options.ParentsFromForks);
    }

    [Fact]
    public async Task Without_any_configuration_the_defaults_apply()
    {
        await using var provider = new ServiceCollection().AddExecTracing().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value;

        Assert.Equal(10, options.RealtimePriority);
        Assert.Equal(TimeSpan.FromSeconds(2), options.SubscribeTimeout);
    }

    [Fact]
    public void Every_key_of_ExecTracing_ProcConnector_is_bound()
    {
        var options = Bound(new()
        {
            ["ExecTracing:ProcConnector:SubscribeTimeout"] = "00:00:05",
            ["ExecTracing:ProcConnector:ReceiveBufferBytes"] = "8388608",
            ["ExecTracing:ProcConnector:RealtimePriority"] = "0",
            ["ExecTracing:ProcConnector:ParentsFromForks"] = "false",
        });

        Assert.Equal(TimeSpan.FromSeconds(5), options.SubscribeTimeout);
        Assert.Equal(8 * 1024 * 1024, options.ReceiveBufferBytes);
        Assert.Equal(0, options.RealtimePriority);
        Assert.False(options.ParentsFromForks);
    }

    [Theory]
    [InlineData("RealtimePriority", "1")]
    [InlineData("RealtimePriority", "99")]
    [InlineData("ReceiveBufferBytes", "0")]
    [InlineData("SubscribeTimeout", "00:00:00.001")]
    [InlineData("SubscribeTimeout", "00:05:00")]
    public void The_limits_themselves_are_accepted(string key, string value)
    {
        using var provider = ConfiguredProvider.Build(new() { ["ExecTracing:ProcConnector:" + key] = value });

        // Throws when the value is refused.
        _ = provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value;
    }

    [Theory]
    [InlineData("RealtimePriority", "100", "between 0 and 99")]
    [InlineData("RealtimePriority", "-1", "between 0 and 99")]
    [InlineData("ReceiveBufferBytes", "-1", "between 0 and 2147483647")]
    [InlineData("SubscribeTimeout", "00:00:00", "between 00:00:00.0010000 and 00:05:00")]
    [InlineData("SubscribeTimeout", "-00:00:01", "between 00:00:00.0010000 and 00:05:00")]
    [InlineData("SubscribeTimeout", "00:05:00.001", "between 00:00:00.0010000 and 00:05:00")]
    public void A_value_out_of_range_fails_naming_the_key_and_the_range(string key, string value, string range)
    {
        var message = ConfiguredProvider.FailureOf<ProcConnectorOptions>(new() { ["ExecTracing:ProcConnector:" + key] = value });

        Assert.Equal($"The field ExecTracing:ProcConnector:{key} must be {range}.", message);
    }

    [Fact]
    public void Every_wrong_value_is_reported_at_once()
    {
        var message = ConfiguredProvider.FailureOf<ProcConnectorOptions>(new()
        {
            ["ExecTracing:ProcConnector:RealtimePriority"] = "100",
            ["ExecTracing:ProcConnector:ReceiveBufferBytes"] = "-1",
        });

        Assert.Contains("ExecTracing:ProcConnector:RealtimePriority", message, StringComparison.Ordinal);
        Assert.Contains("ExecTracing:ProcConnector:ReceiveBufferBytes", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RealtimePriority", "high")]
    [InlineData("SubscribeTimeout", "two seconds")]
    [InlineData("ParentsFromForks", "maybe")]
    public void A_value_that_is_no_number_fails_naming_the_key(string key, string value)
    {
        var message = ConfiguredProvider.FailureOf<ProcConnectorOptions>(new() { ["ExecTracing:ProcConnector:" + key] = value });

        Assert.Contains($"'ExecTracing:ProcConnector:{key}'", message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_configures_after_the_section_and_wins_and_is_validated_too()
    {
        using var provider = ConfiguredProvider.Build(
            new() { ["ExecTracing:ProcConnector:RealtimePriority"] = "20", ["ExecTracing:ProcConnector:ReceiveBufferBytes"] = "1048576" },
            services => services.Configure<ProcConnectorOptions>(o => o.RealtimePriority = 30));
        Assert.Equal(30, provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value.RealtimePriority);
        Assert.Equal(1024 * 1024, provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value.ReceiveBufferBytes);

        using var wrong = ConfiguredProvider.Build([], services => services.Configure<ProcConnectorOptions>(o => o.RealtimePriority = 120));
        var error = Assert.Throws<OptionsValidationException>(() => wrong.GetRequiredService<IOptions<ProcConnectorOptions>>().Value);
        Assert.Contains("ExecTracing:ProcConnector:RealtimePriority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_Linux_the_event_source_is_made_from_the_validated_options()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var provider = ConfiguredProvider.Build(new() { ["ExecTracing:ProcConnector:RealtimePriority"] = "100" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IKernelEventSource>());

        Assert.Contains("ExecTracing:ProcConnector:RealtimePriority", error.Message, StringComparison.Ordinal);
    }
}
