using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tracing.Darwin;
using Tracing.Linux;
using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Registers the <c>ExecTracing</c> section and its backend sub-sections as options: each bound from configuration when
/// there is some (a key the section does not know is an error), checked by a generated validator whose failures name
/// the key, and validated on start (the host reports every section's failures together; without a host,
/// <see cref="ExecTracingValidation"/> does when the tracer is resolved). Both backends' sections are checked on every
/// platform, so a wrong value is found wherever the configuration is first run.
/// </summary>
internal static class ExecTracingConfiguration
{
    public static void Add(IServiceCollection services)
    {
        // Not validated on start by itself: the tracer's options are made from it, and their start validation reads it
        // (validating both would report each wrong setting twice).
        AddSection(
            services, ExecTracingSettings.SectionName, BindSettings, new ExecTracingSettingsValidator(), validateOnStart: false,
            subSections:
            [
                SubSectionKey(ExecTracingSettings.ProcConnectorSectionName),
                SubSectionKey(ExecTracingSettings.DarwinPollingSectionName),
                SubSectionKey(ExecTracingSettings.ContainerEngineSectionName),
            ]);
        AddSection<ProcConnectorOptions>(
            services, ExecTracingSettings.ProcConnectorSectionName, static (section, options, _) => section.Bind(options), new ProcConnectorOptionsValidator());
        AddSection<ContainerEngineOptions>(
            services, ExecTracingSettings.ContainerEngineSectionName, static (section, options, _) => section.Bind(options), new ContainerEngineOptionsValidator());
        AddSection<DarwinPollingOptions>(
            services, ExecTracingSettings.DarwinPollingSectionName, static (section, options, _) => section.Bind(options), new DarwinPollingOptionsValidator());

        // The section's settings become the tracer's options; code passed to AddExecTracing runs after and wins.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ExecTracingOptions>, ExecTracingConfigurationSetup>(
            sp => new ExecTracingConfigurationSetup(sp.GetRequiredService<IOptions<ExecTracingSettings>>())));
    }

    private static void AddSection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        IServiceCollection services,
        string path,
        Action<IConfigurationSection, TOptions, List<string>> bind,
        IValidateOptions<TOptions> validator,
        bool validateOnStart = true,
        string[]? subSections = null)
        where TOptions : class
    {
        var options = services.AddOptions<TOptions>();
        if (validateOnStart)
        {
            options.ValidateOnStart();
        }

        // The keys the binder binds: the public settable properties, read when a section is there to check.
        var keys = new SectionKeys(typeof(TOptions), subSections ?? []);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TOptions>, ConfigurationSectionSetup<TOptions>>(
            sp => new ConfigurationSectionSetup<TOptions>(sp, path, keys, bind)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SectionKeyValidator<TOptions>(validator, path)));
    }

    private static string SubSectionKey(string path) => path[(path.LastIndexOf(':') + 1)..];

    // An enum's wrong name is reported with the names allowed, before the binder would fail on it.
    private static void BindSettings(IConfigurationSection section, ExecTracingSettings settings, List<string> errors)
    {
        EnumSetting.Check<ExecTracingScope>(section, nameof(ExecTracingSettings.Scope), errors);
        EnumSetting.Check<ExecDetails>(section, nameof(ExecTracingSettings.Details), errors, combinable: true);
        EnumSetting.Check<QueueFullMode>(section, nameof(ExecTracingSettings.QueueFullMode), errors);
        ListSetting.Check(section, nameof(ExecTracingSettings.CommandNames), "git", errors);
        ListSetting.Check(section, nameof(ExecTracingSettings.Uids), "1000", errors);
        if (errors.Count == 0)
        {
            section.Bind(settings);
        }
    }
}
