using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary>The enums of the <c>ExecTracing</c> section, bound as enums, and the values it refuses.</summary>
public class ExecTracingOptionsBindingTests
{
    private static ExecTracingOptions Options(Dictionary<string, string?> settings)
    {
        using var provider = ConfiguredProvider.Build(settings);
        return provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;
    }

    [Fact]
    public void Without_the_section_the_options_keep_their_defaults()
    {
        var options = Options([]);
        var defaults = new ExecTracingOptions();

        Assert.Equal(defaults.GetFilter(), options.GetFilter());
        Assert.Null(options.Filter);
        Assert.Equal(defaults.IncludeExits, options.IncludeExits);
        Assert.Equal(defaults.Details, options.Details);
        Assert.Equal(defaults.QueueCapacity, options.QueueCapacity);
        Assert.Equal(defaults.QueueFullMode, options.QueueFullMode);
    }

    [Theory]
    [InlineData("ProcessTree")]
    [InlineData("processtree")]
    [InlineData("PROCESSTREE")]
    [InlineData(" ProcessTree ")]
    public void Scope_is_bound_as_an_enum_in_any_letter_case(string scope)
    {
        using var provider = ConfiguredProvider.Build(new() { ["ExecTracing:Scope"] = scope, ["ExecTracing:Pid"] = "77" });

        Assert.Equal(ExecTracingScope.ProcessTree, provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value.Scope);
        Assert.Equal(ExecTraceFilter.ProcessTree(77), provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value.GetFilter());
    }

    [Fact]
    public void Scope_Everything_replaces_a_filter_only_code_would_set()
    {
        Assert.Equal(ExecTraceFilter.Everything, Options(new() { ["ExecTracing:Scope"] = "everything" }).GetFilter());
    }

    [Fact]
    public void Scope_Cgroup_makes_a_cgroup_filter_of_the_path()
    {
        var path = Tracing.Tests.Cgroups.MachineCgroups.ExistingHierarchyPath();
        var filter = Assert.IsType<CgroupFilter>(Options(new() { ["ExecTracing:Scope"] = "Cgroup", ["ExecTracing:Cgroup"] = path }).GetFilter());

        Assert.EndsWith(path, filter.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void QueueFullMode_and_Details_are_bound_as_enums_in_any_letter_case()
    {
        var options = Options(new() { ["ExecTracing:QueueFullMode"] = "dropoldest", ["ExecTracing:Details"] = "credentials, COMMANDNAME" });

        Assert.Equal(QueueFullMode.DropOldest, options.QueueFullMode);
        Assert.Equal(ExecDetails.Credentials | ExecDetails.CommandName, options.Details);
    }

    [Fact]
    public void The_opt_in_details_are_named_beside_All_which_leaves_them_out()
    {
        var options = Options(new() { ["ExecTracing:Details"] = "All, Environment, depth" });

        Assert.Equal(ExecDetails.All | ExecDetails.Environment | ExecDetails.Depth, options.Details);
        Assert.Equal(ExecDetails.None, ExecDetails.All & (ExecDetails.Environment | ExecDetails.Depth));
    }

    [Theory]
    [InlineData("Scope", "Sometimes", "ExecTracing:Scope 'Sometimes' is not one of Everything, ProcessTree, Cgroup, Container.")]
    [InlineData("Scope", "7", "ExecTracing:Scope '7' is not one of Everything, ProcessTree, Cgroup, Container.")]
    [InlineData("Scope", " ", "ExecTracing:Scope ' ' is not one of Everything, ProcessTree, Cgroup, Container.")]
    [InlineData("QueueFullMode", "Block", "ExecTracing:QueueFullMode 'Block' is not one of DropNewest, DropOldest.")]
    [InlineData("Details", "Environ", "ExecTracing:Details 'Environ' is not one of None, WorkingDirectory, ExecutablePath, Credentials, CommandName, Container, UserName, All, Environment, Depth, Cgroup (or several, separated by commas).")]
    [InlineData("Details", "16", "ExecTracing:Details '16' is not one of None, WorkingDirectory, ExecutablePath, Credentials, CommandName, Container, UserName, All, Environment, Depth, Cgroup (or several, separated by commas).")]
    [InlineData("Scope", "1", "ExecTracing:Scope '1' is not one of Everything, ProcessTree, Cgroup, Container.")]
    [InlineData("Scope", "ProcessTree, Cgroup", "ExecTracing:Scope 'ProcessTree, Cgroup' is not one of Everything, ProcessTree, Cgroup, Container.")]
    [InlineData("QueueFullMode", "0", "ExecTracing:QueueFullMode '0' is not one of DropNewest, DropOldest.")]
    [InlineData("Details", "7", "ExecTracing:Details '7' is not one of None, WorkingDirectory, ExecutablePath, Credentials, CommandName, Container, UserName, All, Environment, Depth, Cgroup (or several, separated by commas).")]
    [InlineData("Details", "Credentials, 1", "ExecTracing:Details 'Credentials, 1' is not one of None, WorkingDirectory, ExecutablePath, Credentials, CommandName, Container, UserName, All, Environment, Depth, Cgroup (or several, separated by commas).")]
    [InlineData("Details", "Credentials,,CommandName", "ExecTracing:Details 'Credentials,,CommandName' is not one of None, WorkingDirectory, ExecutablePath, Credentials, CommandName, Container, UserName, All, Environment, Depth, Cgroup (or several, separated by commas).")]
    public void An_unknown_enum_value_fails_listing_the_values_allowed(string key, string value, string expected)
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:" + key] = value });

        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("Everything", "5", null, "ExecTracing:Pid applies only when ExecTracing:Scope is ProcessTree; it is Everything.")]
    [InlineData("Cgroup", "5", "/system.slice", "ExecTracing:Pid applies only when ExecTracing:Scope is ProcessTree; it is Cgroup.")]
    [InlineData("Everything", null, "/system.slice", "ExecTracing:Cgroup applies only when ExecTracing:Scope is Cgroup; it is Everything.")]
    [InlineData("ProcessTree", "5", "/system.slice", "ExecTracing:Cgroup applies only when ExecTracing:Scope is Cgroup; it is ProcessTree.")]
    public void A_pid_or_cgroup_the_scope_does_not_read_fails_naming_it(string scope, string? pid, string? cgroup, string expected)
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = scope, ["ExecTracing:Pid"] = pid, ["ExecTracing:Cgroup"] = cgroup });

        Assert.Equal(expected, message);
    }

    [Fact]
    public void Every_unknown_enum_value_is_reported_at_once()
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = "All", ["ExecTracing:QueueFullMode"] = "Block" });

        Assert.Contains("ExecTracing:Scope 'All'", message, StringComparison.Ordinal);
        Assert.Contains("ExecTracing:QueueFullMode 'Block'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void A_pid_that_is_not_positive_fails_naming_the_key(string pid)
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = "ProcessTree", ["ExecTracing:Pid"] = pid });

        Assert.Equal("The field ExecTracing:Pid must be between 1 and 2147483647.", message);
    }

    [Fact]
    public void A_pid_that_is_no_number_fails_naming_the_key()
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = "ProcessTree", ["ExecTracing:Pid"] = "init" });

        Assert.Contains("'init' at 'ExecTracing:Pid'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_does_not_convert_does_not_hide_the_other_wrong_settings_of_its_section()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new()
        {
            ["ExecTracing:Scope"] = "Tree",
            ["ExecTracing:Pid"] = "77",
            ["ExecTracing:QueueCapacity"] = "3",
            ["ExecTracing:IncludeExits"] = "maybe",
        }));

        // Scope's own error, not the checks that name it (Pid without ProcessTree would mislead); the others all.
        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("ExecTracing:Scope 'Tree' is not one of", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("'ExecTracing:IncludeExits'", StringComparison.Ordinal));
        Assert.Contains("ExecTracing:QueueCapacity must be between 16 and 16777216; got 3.", error.Failures);
    }
}
