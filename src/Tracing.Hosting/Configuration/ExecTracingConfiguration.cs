using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tracing.Darwin;
using Tracing.Linux;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Registers the backends' sub-sections (<see cref="BackendSections"/>) as options, once per host: each bound from
/// configuration when there is some (a key the section does not know is an error), checked by a generated validator
/// whose failures name the key, and validated on start (the host reports every section's failures together; without
/// a host, <see cref="ExecTracingValidation"/> does when a tracer is resolved). Both backends' sections are checked on
/// every platform, so a wrong value is found wherever the configuration is first run.
/// </summary>
internal static class ExecTracingConfiguration
{
    public static void AddBackends(IServiceCollection services)
    {
        AddSection<ProcConnectorOptions>(
            services, BackendSections.ProcConnector, static (section, options) => section.Bind(options), new ProcConnectorOptionsValidator());
        AddSection<BpfSourceOptions>(
            services, BackendSections.Bpf, static (section, options) => section.Bind(options), new BpfSourceOptionsValidator());
        AddSection<ContainerEngineOptions>(
            services, BackendSections.ContainerEngine, static (section, options) => section.Bind(options), new ContainerEngineOptionsValidator());
        AddSection<DarwinPollingOptions>(
            services, BackendSections.DarwinPolling, static (section, options) => section.Bind(options), new DarwinPollingOptionsValidator());
    }

    private static void AddSection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        IServiceCollection services, string subSection, Action<IConfigurationSection, TOptions> bind, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        services.AddOptions<TOptions>().ValidateOnStart();

        // The keys the binder binds: the public settable properties, read when a section is there to check.
        var keys = new SectionKeys(typeof(TOptions));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TOptions>, ConfigurationSectionSetup<TOptions>>(
            sp => new ConfigurationSectionSetup<TOptions>(sp, subSection, keys, bind)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SectionKeyValidator<TOptions>>(
            sp => new SectionKeyValidator<TOptions>(validator, BackendSections.PathOf(sp, subSection))));
    }
}
