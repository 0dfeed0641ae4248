using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Darwin;
using Tracing.Linux;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary>A misspelt key is refused with the keys its section knows, instead of leaving its setting at the default.</summary>
public class UnknownKeyTests
{
    private const string ExecTracingKeys = "Scope, Pid, Cgroup, Container, CommandNames, Uids, IncludeExits, Details, QueueCapacity, QueueFullMode, IncludeFailedExecs, Source, ProcConnector, Bpf, DarwinPolling, ContainerEngine";

    [Theory]
    [InlineData("ExecTracing:Scpoe", "Cgroup", "ExecTracing:Scpoe")]
    [InlineData("ExecTracing:ProcConector:RealtimePriority", "100", "ExecTracing:ProcConector")]
    [InlineData("ExecTracing:Darwin:Interval", "00:00:01", "ExecTracing:Darwin")]
    public void An_unknown_key_of_ExecTracing_fails_listing_the_keys_it_knows(string key, string value, string unknown)
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { [key] = value });

        Assert.Equal($"{unknown} is not a setting of ExecTracing, whose keys are {ExecTracingKeys}.", message);
    }

    [Fact]
    public void An_unknown_key_of_ExecTracing_ProcConnector_fails_listing_the_keys_it_knows()
    {
        var message = ConfiguredProvider.FailureOf<ProcConnectorOptions>(new() { ["ExecTracing:ProcConnector:RealtimePriorty"] = "5" });

        Assert.Equal(
            "ExecTracing:ProcConnector:RealtimePriorty is not a setting of ExecTracing:ProcConnector, whose keys are SubscribeTimeout, ReceiveBufferBytes, RealtimePriority, ParentsFromForks.",
            message);
    }

    [Fact]
    public void An_unknown_key_of_ExecTracing_DarwinPolling_fails_listing_the_keys_it_knows()
    {
        var message = ConfiguredProvider.FailureOf<DarwinPollingOptions>(new() { ["ExecTracing:DarwinPolling:PollInterval"] = "00:00:01" });

        Assert.Equal("ExecTracing:DarwinPolling:PollInterval is not a setting of ExecTracing:DarwinPolling, whose keys are Interval, CompareArguments.", message);
    }

    [Fact]
    public void Every_unknown_key_is_reported_with_the_other_wrong_values_of_its_section()
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new()
        {
            ["ExecTracing:Scpoe"] = "Cgroup",
            ["ExecTracing:IncludeExit"] = "true",
            ["ExecTracing:QueueFullMode"] = "Block",
        });

        Assert.Contains("ExecTracing:Scpoe is not a setting", message, StringComparison.Ordinal);
        Assert.Contains("ExecTracing:IncludeExit is not a setting", message, StringComparison.Ordinal);
        Assert.Contains("ExecTracing:QueueFullMode 'Block'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ExecTracing:Scope:Name", "Cgroup", "ExecTracing:Scope")]
    [InlineData("ExecTracing:queuecapacity:value", "64", "ExecTracing:queuecapacity")]
    public void A_single_value_given_keys_under_it_fails_instead_of_being_ignored(string key, string value, string setting)
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { [key] = value });

        Assert.Equal($"{key} is not a setting: {setting} is a single value, not a section.", message);
    }

    [Fact]
    public void A_backend_setting_given_keys_under_it_fails_instead_of_being_ignored()
    {
        var message = ConfiguredProvider.FailureOf<ProcConnectorOptions>(new() { ["ExecTracing:ProcConnector:RealtimePriority:Value"] = "5" });

        Assert.Equal(
            "ExecTracing:ProcConnector:RealtimePriority:Value is not a setting: ExecTracing:ProcConnector:RealtimePriority is a single value, not a section.",
            message);
    }

    [Fact]
    public void A_backend_section_given_a_value_fails_instead_of_being_ignored()
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:ProcConnector"] = "fast" });

        Assert.Equal("ExecTracing:ProcConnector is a section, not a value: give its settings under it (ExecTracing:ProcConnector:NAME=VALUE).", message);
    }

    [Fact]
    public void The_section_given_a_value_fails_instead_of_tracing_everything()
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing"] = "ProcessTree" });

        Assert.Equal("ExecTracing is a section, not a value: give its settings under it (ExecTracing:Scope=..., ExecTracing:Pid=...).", message);
    }

    [Fact]
    public void A_list_takes_its_values_under_indexes()
    {
        using var provider = ConfiguredProvider.Build(new() { ["ExecTracing:CommandNames:0"] = "git", ["ExecTracing:Uids:0"] = "1000" });

        var options = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

        Assert.Equal(["git"], options.CommandNames!);
        Assert.Equal([1000u], options.Uids!);
    }

    [Fact]
    public void An_unknown_key_of_a_configuration_root_names_where_it_was_given()
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scpoe"] = "Cgroup" }).Build();
        using var provider = new ServiceCollection().AddExecTracing(root).BuildServiceProvider();

        var message = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value).Message;

        Assert.Equal($"Scpoe is not a setting of the configuration given to AddExecTracing, whose keys are {ExecTracingKeys}.", message);
    }

    [Fact]
    public void Known_keys_are_matched_in_any_letter_case()
    {
        using var provider = ConfiguredProvider.Build(new()
        {
            ["EXECTRACING:includeexits"] = "true",
            ["exectracing:procconnector:REALTIMEPRIORITY"] = "20",
            ["ExecTracing:darwinpolling:interval"] = "00:00:01",
        });

        Assert.True(provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value.IncludeExits);
        Assert.Equal(20, provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value.RealtimePriority);
        Assert.Equal(TimeSpan.FromSeconds(1), provider.GetRequiredService<IOptions<DarwinPollingOptions>>().Value.Interval);
    }
}
