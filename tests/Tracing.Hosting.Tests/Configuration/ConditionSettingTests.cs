using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary><c>ExecTracing:CommandNames</c> and <c>ExecTracing:Uids</c>: the conditions an exec in scope must meet.</summary>
public class ConditionSettingTests
{
    [Fact]
    public void Lists_of_names_and_uids_become_one_condition_each()
    {
        using var provider = ConfiguredProvider.Build(new()
        {
            ["ExecTracing:Scope"] = "ProcessTree",
            ["ExecTracing:Pid"] = "77",
            ["ExecTracing:CommandNames:0"] = "git",
            ["ExecTracing:CommandNames:1"] = "make",
            ["execTracing:uids:0"] = "1000",
            ["ExecTracing:Uids:1"] = "0",
        });

        var options = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

        Assert.Equal(ExecTraceFilter.ProcessTree(77), options.GetFilter());
        Assert.Collection(
            options.GetConditions(),
            c => Assert.Equal(["git", "make"], Assert.IsType<CommandNameCondition>(c).Names),
            c => Assert.Equal([1000u, 0u], Assert.IsType<RealUidCondition>(c).Uids));
    }

    [Fact]
    public void Without_the_keys_there_is_no_condition()
    {
        using var provider = ConfiguredProvider.Build(new() { ["ExecTracing:IncludeExits"] = "true" });

        Assert.Empty(provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value.GetConditions());
    }

    [Fact]
    public void Code_adds_to_the_configured_conditions_and_all_must_hold()
    {
        using var provider = ConfiguredProvider.Build(
            new() { ["ExecTracing:CommandNames:0"] = "git" },
            services => services.AddExecTracing(o => o.Conditions.Add(ExecCondition.RealUid(1000))));

        var conditions = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value.GetConditions();

        Assert.Collection(conditions, c => Assert.IsType<CommandNameCondition>(c), c => Assert.IsType<RealUidCondition>(c));
    }

    [Theory]
    [InlineData("ExecTracing:CommandNames:0", "systemd-journald", "ExecTracing:CommandNames: The command name 'systemd-journald' is 16 bytes; the kernel keeps 15")]
    [InlineData("ExecTracing:CommandNames:0", "/usr/bin/git", "ExecTracing:CommandNames: The command name '/usr/bin/git' has a '/'")]
    [InlineData("ExecTracing:Uids:0", "4294967295", "ExecTracing:Uids: The user id 4294967295 is (uid_t)-1")]
    [InlineData("ExecTracing:Uids:0", "-1", "'ExecTracing:Uids:0'")]
    [InlineData("ExecTracing:Uids:0", "root", "'ExecTracing:Uids:0'")]
    [InlineData("ExecTracing:CommandNames", "git", "ExecTracing:CommandNames is a list: give each value under its index (ExecTracing:CommandNames:0=git")]
    [InlineData("ExecTracing:Uids", "1000", "ExecTracing:Uids is a list")]
    public void A_condition_that_cannot_work_fails_naming_its_key(string key, string value, string expected)
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { [key] = value });

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
