using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Interop.Linux.ProcFs;
using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>Applies the <c>ExecTracing</c> configuration section, when the application has configuration at all.</summary>
internal sealed class ExecTracingConfigurationSetup(IServiceProvider services) : IConfigureOptions<ExecTracingOptions>
{
    public void Configure(ExecTracingOptions options)
    {
        var section = services.GetService<IConfiguration>()?.GetSection(ExecTracingSettings.SectionName);
        if (section is null || !section.Exists())
        {
            return;
        }

        ExecTracingSettings settings;
        try
        {
            settings = section.Get<ExecTracingSettings>() ?? new ExecTracingSettings();
        }
        catch (InvalidOperationException e)
        {
            throw Invalid($"{ExecTracingSettings.SectionName}: {e.Message}");
        }

        options.IncludeExits = settings.IncludeExits ?? options.IncludeExits;
        options.Details = settings.Details ?? options.Details;
        options.QueueCapacity = settings.QueueCapacity ?? options.QueueCapacity;
        options.QueueFullMode = settings.QueueFullMode ?? options.QueueFullMode;
        options.Filter = CreateFilter(settings) ?? options.Filter;
    }

    private static ExecTraceFilter? CreateFilter(ExecTracingSettings settings)
    {
        const string Prefix = ExecTracingSettings.SectionName + ":";
        switch (settings.Scope?.Trim().ToUpperInvariant())
        {
            case null or "":
                return settings.Pid is not null || settings.Cgroup is not null
                    ? throw Invalid($"{Prefix}Scope must say which of {Prefix}Pid or {Prefix}Cgroup applies (ProcessTree or Cgroup).")
                    : null;
            case "EVERYTHING":
                return ExecTraceFilter.Everything;
            case "PROCESSTREE":
                return settings.Pid is int pid && pid > 0
                    ? ExecTraceFilter.ProcessTree(pid)
                    : throw Invalid($"{Prefix}Pid must be a positive process id when {Prefix}Scope is ProcessTree.");
            case "CGROUP":
                if (string.IsNullOrWhiteSpace(settings.Cgroup))
                {
                    throw Invalid($"{Prefix}Cgroup must be set when {Prefix}Scope is Cgroup.");
                }

                try
                {
                    var (controller, path) = CgroupPaths.Resolve(settings.Cgroup);
                    return ExecTraceFilter.Cgroup(path, controller);
                }
                catch (ArgumentException e)
                {
                    throw Invalid($"{Prefix}Cgroup: {e.Message}");
                }

            default:
                throw Invalid($"{Prefix}Scope '{settings.Scope}' is not one of Everything, ProcessTree, Cgroup.");
        }
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Options.DefaultName, typeof(ExecTracingOptions), [message]);
}
