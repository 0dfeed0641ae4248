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
/// there is some, checked by a generated validator whose failures name the key, and validated on start (the host
/// reports every section's failures together). Both backends' sections are checked on every platform, so a wrong value
/// is found wherever the configuration is first run.
/// </summary>
internal static class ExecTracingConfiguration
{
    public static void Add(IServiceCollection services)
    {
        // Not validated on start by itself: the tracer's options are made from it, and their start validation reads it
        // (validating both would report each wrong setting twice).
        AddSection(services, ExecTracingSettings.SectionName, BindSettings, new ExecTracingSettingsValidator(), validateOnStart: false);
        AddSection<ProcConnectorOptions>(
            services, ExecTracingSettings.ProcConnectorSectionName, static (section, options, _) => section.Bind(options), new ProcConnectorOptionsValidator());
        AddSection<DarwinPollingOptions>(
            services, ExecTracingSettings.DarwinPollingSectionName, static (section, options, _) => section.Bind(options), new DarwinPollingOptionsValidator());

        // The section's settings become the tracer's options; code passed to AddExecTracing runs after and wins.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ExecTracingOptions>, ExecTracingConfigurationSetup>());
    }

    private static void AddSection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services, string path, Action<IConfigurationSection, TOptions, List<string>> bind, IValidateOptions<TOptions> validator, bool validateOnStart = true)
        where TOptions : class
    {
        var options = services.AddOptions<TOptions>();
        if (validateOnStart)
        {
            options.ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TOptions>, ConfigurationSectionSetup<TOptions>>(
            sp => new ConfigurationSectionSetup<TOptions>(sp, path, bind)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SectionKeyValidator<TOptions>(validator, path)));
    }

    // An enum's wrong name is reported with the names allowed, before the binder would fail on it.
    private static void BindSettings(IConfigurationSection section, ExecTracingSettings settings, List<string> errors)
    {
        EnumSetting.Check<ExecTracingScope>(section, nameof(ExecTracingSettings.Scope), errors);
        EnumSetting.Check<ExecDetails>(section, nameof(ExecTracingSettings.Details), errors, combinable: true);
        EnumSetting.Check<QueueFullMode>(section, nameof(ExecTracingSettings.QueueFullMode), errors);
        if (errors.Count == 0)
        {
            section.Bind(settings);
        }
    }
}
