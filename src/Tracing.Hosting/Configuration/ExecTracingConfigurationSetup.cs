using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Linux.ProcFs;
using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Applies the validated <see cref="ExecTracingSettings"/> (the <c>ExecTracing</c> section) to <see cref="ExecTracingOptions"/>:
/// settings left out keep the options as they are.
/// </summary>
internal sealed class ExecTracingConfigurationSetup(IOptions<ExecTracingSettings> settings) : IConfigureOptions<ExecTracingOptions>
{
    public void Configure(ExecTracingOptions options)
    {
        var values = settings.Value;
        options.IncludeExits = values.IncludeExits ?? options.IncludeExits;
        options.Details = values.Details ?? options.Details;
        options.QueueCapacity = values.QueueCapacity ?? options.QueueCapacity;
        options.QueueFullMode = values.QueueFullMode ?? options.QueueFullMode;
        options.Filter = CreateFilter(values) ?? options.Filter;

        // Conditions add up (all must hold): these come first, and code may add more, or clear them.
        if (values.CommandNames is { Count: > 0 } names)
        {
            options.Conditions.Add(ExecCondition.CommandName([.. names]));
        }

        if (values.Uids is { Count: > 0 } uids)
        {
            options.Conditions.Add(ExecCondition.RealUid([.. uids]));
        }
    }

    // The settings are valid here: the scope is one of the four, with what it needs.
    private static ExecTraceFilter? CreateFilter(ExecTracingSettings settings)
    {
        switch (settings.Scope)
        {
            case ExecTracingScope.Everything:
                return ExecTraceFilter.Everything;
            case ExecTracingScope.ProcessTree:
                return ExecTraceFilter.ProcessTree(settings.Pid!.Value);
            case ExecTracingScope.Cgroup:
                // The CLI's --cgroup gets the same verdict and the same words.
                return CgroupPaths.TryResolve(settings.Cgroup, out var cgroup, out var error)
                    ? ExecTraceFilter.Cgroup(cgroup.Path, cgroup.Controller)
                    : throw new OptionsValidationException(
                        Options.DefaultName, typeof(ExecTracingSettings), [$"{ExecTracingSettings.SectionName}:{nameof(settings.Cgroup)}: {error}"]);

            case ExecTracingScope.Container:
                return ExecTraceFilter.Container(settings.Container!);
            default:
                return null;
        }
    }
}
