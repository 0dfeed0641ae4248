using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>The one options type: the filter and conditions a tracer follows, from code or from the settings.</summary>
public class ExecTracingOptionsTests
{
    public static TheoryData<ExecTracingOptions, ExecTraceFilter> Scopes => new()
    {
        { new ExecTracingOptions(), ExecTraceFilter.Everything },
        { new ExecTracingOptions { Scope = ExecTracingScope.Everything }, ExecTraceFilter.Everything },
        { new ExecTracingOptions { Scope = ExecTracingScope.ProcessTree, Pid = 42 }, ExecTraceFilter.ProcessTree(42) },
        { new ExecTracingOptions { Scope = ExecTracingScope.Cgroup, Cgroup = "/system.slice/x.service" }, ExecTraceFilter.Cgroup("/system.slice/x.service") },
        { new ExecTracingOptions { Scope = ExecTracingScope.Container, Container = "web" }, ExecTraceFilter.Container("web") },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Without_a_filter_the_scope_and_its_setting_make_it(ExecTracingOptions options, ExecTraceFilter expected)
    {
        Assert.Equal(expected, options.GetFilter());
        Assert.Empty(options.GetValidationErrors());
    }

    [Fact]
    public void A_filter_set_in_code_wins_and_the_scope_settings_are_not_checked()
    {
        var options = new ExecTracingOptions { Scope = ExecTracingScope.ProcessTree, Cgroup = "/x", Filter = ExecTraceFilter.Container("web") };

        Assert.Equal(ExecTraceFilter.Container("web"), options.GetFilter());
        Assert.Empty(options.GetValidationErrors());
    }

    [Fact]
    public void A_scope_without_its_setting_is_invalid_and_makes_no_filter()
    {
        var options = new ExecTracingOptions { Scope = ExecTracingScope.ProcessTree };

        Assert.Equal(["Pid must be set when Scope is ProcessTree."], options.GetValidationErrors());
        Assert.Throws<InvalidOperationException>(options.GetFilter);
    }

    [Fact]
    public void The_settings_conditions_come_first_then_those_of_code()
    {
        var options = new ExecTracingOptions { CommandNames = ["git", "make"], Uids = [1000] };
        options.Conditions.Add(ExecCondition.CommandName("bash"));

        Assert.Collection(
            options.GetConditions(),
            c => Assert.Equal(["git", "make"], Assert.IsType<CommandNameCondition>(c).Names),
            c => Assert.Equal([1000u], Assert.IsType<RealUidCondition>(c).Uids),
            c => Assert.Equal(["bash"], Assert.IsType<CommandNameCondition>(c).Names));
    }

    [Fact]
    public void Empty_lists_make_no_condition()
    {
        Assert.Empty(new ExecTracingOptions { CommandNames = [], Uids = [] }.GetConditions());
    }

    [Theory]
    [InlineData("", "Pid applies only when Scope is ProcessTree; it is Cgroup.")]
    [InlineData("Tracers:web:", "Tracers:web:Pid applies only when Tracers:web:Scope is ProcessTree; it is Cgroup.")]
    public void Every_error_names_its_setting_after_the_prefix(string prefix, string expected)
    {
        var options = new ExecTracingOptions { Scope = ExecTracingScope.Cgroup, Cgroup = "/a", Pid = 5, QueueCapacity = 1, CommandNames = ["/bin/git"] };

        var errors = options.GetValidationErrors(prefix);

        Assert.Contains(expected, errors);
        Assert.Contains(errors, e => e.StartsWith($"{prefix}CommandNames: ", StringComparison.Ordinal));
        Assert.Contains($"{prefix}QueueCapacity must be between 16 and 16777216; got 1.", errors);
        Assert.Equal(3, errors.Count);
    }

    [Theory]
    [InlineData(ExecTracingScope.Cgroup, "relative", "Cgroup: The cgroup path must start with '/'; got 'relative'.")]
    [InlineData(ExecTracingScope.Container, "bad name!", "Container: ")]
    public void A_scope_setting_the_filter_refuses_is_named_by_its_setting(ExecTracingScope scope, string value, string expected)
    {
        var options = new ExecTracingOptions { Scope = scope, Cgroup = scope == ExecTracingScope.Cgroup ? value : null, Container = scope == ExecTracingScope.Container ? value : null };

        Assert.StartsWith(expected, Assert.Single(options.GetValidationErrors()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_that_is_no_name_is_refused_with_the_names()
    {
        var options = new ExecTracingOptions { Scope = (ExecTracingScope)7 };

        Assert.Equal(["Scope '7' is not one of Everything, ProcessTree, Cgroup, Container."], options.GetValidationErrors());
    }
}
