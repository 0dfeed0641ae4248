using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Linux;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary>Every key bound onto the one options type, from <c>ExecTracing</c> or a section the caller chooses; code wins.</summary>
public class ConfigurationSectionTests
{
    private static readonly Dictionary<string, string?> s_everyKey = new()
    {
        ["Scope"] = "ProcessTree",
        ["Pid"] = "77",
        ["CommandNames:0"] = "git",
        ["CommandNames:1"] = "make",
        ["Uids:0"] = "1000",
        ["IncludeExits"] = "true",
        ["Details"] = "Credentials, Environment",
        ["QueueCapacity"] = "4096",
        ["QueueFullMode"] = "DropOldest",
    };

    private static IConfigurationRoot Configuration(string section, Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{section}:{s.Key}", s.Value))).Build();

    [Theory]
    [InlineData("ExecTracing")]
    [InlineData("Monitoring:Execs")]
    public async Task Every_key_is_bound_onto_ExecTracingOptions(string path)
    {
        var configuration = Configuration(path, s_everyKey);
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        await using var provider = (path == "ExecTracing" ? services.AddExecTracing() : services.AddExecTracing(configuration.GetSection(path))).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

        Assert.Equal(ExecTracingScope.ProcessTree, options.Scope);
        Assert.Equal(77, options.Pid);
        Assert.Equal(["git", "make"], options.CommandNames);
        Assert.Equal([1000u], options.Uids);
        Assert.True(options.IncludeExits);
        Assert.Equal(ExecDetails.Credentials | ExecDetails.Environment, options.Details);
        Assert.Equal(4096, options.QueueCapacity);
        Assert.Equal(QueueFullMode.DropOldest, options.QueueFullMode);
        Assert.Null(options.Filter);
        Assert.Equal(ExecTraceFilter.ProcessTree(77), options.GetFilter());
        Assert.Equal(2, options.GetConditions().Count);
    }

    [Theory]
    [InlineData("Cgroup", null, ExecTracingScope.Cgroup)]
    [InlineData("Container", "web", ExecTracingScope.Container)]
    public async Task The_cgroup_and_container_keys_are_bound(string key, string? value, ExecTracingScope scope)
    {
        // A cgroup must exist: one of this machine's.
        value ??= Tracing.Tests.Cgroups.MachineCgroups.ExistingHierarchyPath();
        var configuration = Configuration("ExecTracing", new() { ["Scope"] = scope.ToString(), [key] = value });
        await using var provider = new ServiceCollection().AddExecTracing(configuration.GetSection("ExecTracing")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ExecTracingOptions>>().Get(Options.DefaultName);

        Assert.Equal(value, scope == ExecTracingScope.Cgroup ? options.Cgroup : options.Container);
    }

    [Fact]
    public async Task Code_overrides_the_configuration_its_filter_winning_over_the_scope()
    {
        var configuration = Configuration("ExecTracing", s_everyKey);
        await using var provider = new ServiceCollection()
            .AddExecTracing(configuration.GetSection("ExecTracing"), o =>
            {
                o.Filter = ExecTraceFilter.Container("web");
                o.CommandNames = null;
                o.QueueCapacity = 128;
            })
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

        Assert.Equal(ExecTraceFilter.Container("web"), options.GetFilter());
        Assert.Equal(128, options.QueueCapacity);
        Assert.IsType<RealUidCondition>(Assert.Single(options.GetConditions()));
        Assert.True(options.IncludeExits);
    }

    [Theory]
    [InlineData("Scpoe", "Cgroup", "Monitoring:Execs:Scpoe is not a setting of Monitoring:Execs, whose keys are Scope, Pid, Cgroup, Container, CommandNames, Uids, IncludeExits, Details, QueueCapacity, QueueFullMode, IncludeFailedExecs, Source, ProcConnector, Bpf, DarwinPolling, ContainerEngine.")]
    [InlineData("Scope", "Tree", "Monitoring:Execs:Scope 'Tree' is not one of Everything, ProcessTree, Cgroup, Container.")]
    [InlineData("Pid", "7", "Monitoring:Execs:Pid applies only when Monitoring:Execs:Scope is ProcessTree; it is Everything.")]
    [InlineData("CommandNames", "git", "Monitoring:Execs:CommandNames is a list: give each value under its index (Monitoring:Execs:CommandNames:0=git, Monitoring:Execs:CommandNames:1=...), or a JSON array.")]
    public async Task A_chosen_section_names_its_keys_by_its_own_path(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "Pid")
        {
            settings["Scope"] = "Everything";
        }

        var configuration = Configuration("Monitoring:Execs", settings);
        await using var provider = new ServiceCollection().AddExecTracing(configuration.GetSection("Monitoring:Execs")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ExecTracer>());

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task The_backends_settings_are_read_from_the_chosen_section()
    {
        var configuration = Configuration("Monitoring:Execs", new() { ["ProcConnector:RealtimePriority"] = "20", ["ProcConnector:Realtime"] = "1" });
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddExecTracing(configuration.GetSection("Monitoring:Execs"))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value);

        Assert.StartsWith("Monitoring:Execs:ProcConnector:Realtime is not a setting of Monitoring:Execs:ProcConnector", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backends_settings_of_a_chosen_section_are_bound_and_named_by_it()
    {
        var configuration = Configuration("Monitoring:Execs", new() { ["ProcConnector:RealtimePriority"] = "100" });
        await using var provider = new ServiceCollection().AddExecTracing(configuration.GetSection("Monitoring:Execs")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProcConnectorOptions>>().Value);

        Assert.Equal("The field Monitoring:Execs:ProcConnector:RealtimePriority must be between 0 and 99.", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ci")]
    public async Task A_section_given_that_does_not_exist_is_refused_rather_than_tracing_everything(string? key)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Monitoring:Execs:Scope"] = "Everything" })
            .Build();
        var services = new ServiceCollection();
        var section = configuration.GetSection("Monitoring:Exces");
        _ = key is null ? services.AddExecTracing(section) : services.AddExecTracing(key, section);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<ExecTracingOptions>>().Get(key ?? Options.DefaultName));

        Assert.StartsWith("Monitoring:Exces does not exist: the section given to AddExecTracing holds no settings", error.Message, StringComparison.Ordinal);
    }
}
