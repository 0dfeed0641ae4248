using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Binds a backend's sub-section (<see cref="BackendSections"/>) onto <typeparamref name="TOptions"/>, when the
/// application has configuration and the section exists (a program without <see cref="IConfiguration"/>, like the
/// CLI, keeps the defaults). A key the section does not know, and a value the binder cannot convert, fail like a
/// validation, naming the key.
/// </summary>
/// <param name="services">Where <see cref="IConfiguration"/> and the tracers' sections are looked up.</param>
/// <param name="subSection">The sub-section, e.g. <c>ProcConnector</c>.</param>
/// <param name="keys">The keys the section may hold.</param>
/// <param name="bind">
/// Binds the section: a lambda written for the concrete type, so the configuration binder's source generator
/// intercepts it (no reflection).
/// </param>
internal sealed class ConfigurationSectionSetup<TOptions>(
    IServiceProvider services, string subSection, SectionKeys keys, Action<IConfigurationSection, TOptions> bind) : IConfigureOptions<TOptions>
    where TOptions : class
{
    public void Configure(TOptions options)
    {
        var section = BackendSections.Find(services, subSection);
        if (section is null || !section.Exists())
        {
            return;
        }

        var errors = new List<string>();
        keys.Check(section, section.Path, errors);
        try
        {
            bind(section, options);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key: "Failed to convert configuration value '...' at 'ExecTracing:ProcConnector:...' ...".
            errors.Add(e.Message);
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), errors);
        }
    }
}
