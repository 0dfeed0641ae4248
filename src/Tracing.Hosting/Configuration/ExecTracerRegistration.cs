using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// One tracer that <c>AddExecTracing</c> registered: its name (the options' name and, when not empty, the tracer's
/// service key) and the configuration section it binds. Kept in the service collection, one per name.
/// </summary>
/// <param name="name">Empty for the unkeyed tracer (<see cref="Options.DefaultName"/>), else its service key.</param>
internal sealed class ExecTracerRegistration(string name)
{
    /// <summary>The options' name; empty for the unkeyed tracer.</summary>
    public string Name { get; } = name;

    /// <summary>True for a tracer registered with a service key.</summary>
    public bool IsKeyed => Name.Length > 0;

    /// <summary>The section the caller gave (the last one, when several calls gave one); null for none.</summary>
    public IConfiguration? Section { get; set; }

    /// <summary>
    /// The path its settings are named by: the section's, else <c>ExecTracing</c> for the unkeyed tracer (its default
    /// section) and <c>ExecTracing[name]</c> for a keyed one set in code only.
    /// </summary>
    public string Path => Section switch
    {
        IConfigurationSection section => section.Path,
        null => IsKeyed ? $"{ExecTracingOptions.SectionName}[{Name}]" : ExecTracingOptions.SectionName,
        _ => string.Empty,
    };

    /// <summary>What goes before a setting's name to make its key: the path and a colon.</summary>
    public string KeyPrefix => Path.Length == 0 ? string.Empty : Path + ":";

    /// <summary>The section to bind: the one given, else for the unkeyed tracer the host configuration's <c>ExecTracing</c>.</summary>
    public IConfiguration? SectionIn(IServiceProvider services) =>
        Section ?? (IsKeyed ? null : services.GetService<IConfiguration>()?.GetSection(ExecTracingOptions.SectionName));

    /// <summary>The tracer's options, configured and validated (a failure throws <see cref="OptionsValidationException"/>).</summary>
    public ExecTracingOptions OptionsIn(IServiceProvider services) =>
        IsKeyed
            ? services.GetRequiredService<IOptionsMonitor<ExecTracingOptions>>().Get(Name)
            : services.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

    /// <summary>The tracer: keyed by <see cref="Name"/>, or the unkeyed one.</summary>
    public ExecTracer TracerIn(IServiceProvider services) =>
        IsKeyed ? services.GetRequiredKeyedService<ExecTracer>(Name) : services.GetRequiredService<ExecTracer>();

    /// <summary>The registration named <paramref name="name"/> in <paramref name="services"/>; null when none.</summary>
    public static ExecTracerRegistration? Find(IServiceCollection services, string name)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ExecTracerRegistration) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is ExecTracerRegistration registration && registration.Name == name)
            {
                return registration;
            }
        }

        return null;
    }
}
