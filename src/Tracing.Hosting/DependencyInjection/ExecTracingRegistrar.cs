using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracing.Hosting.Configuration;
using Tracing.Hosting.Hosting;
using Tracing.Hosting.Platform;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.DependencyInjection;

/// <summary>
/// What every <c>AddExecTracing</c> overload does: the host's parts once (platform ports, backends' sections, metrics,
/// time), the tracer's once per name (its section's binding, validator, the tracer, its hosted service), then the
/// caller's section and code.
/// </summary>
internal static class ExecTracingRegistrar
{
    public static IServiceCollection Add(IServiceCollection services, string name, IConfiguration? section, Action<ExecTracingOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registration = ExecTracerRegistration.Find(services, name) ?? AddTracer(services, name);

        // The last section given is the one bound; the configuration first, then the caller's code, which wins.
        registration.Section = section ?? registration.Section;
        if (configure is not null)
        {
            services.AddOptions<ExecTracingOptions>(name).Configure(configure);
        }

        return services;
    }

    private static ExecTracerRegistration AddTracer(IServiceCollection services, string name)
    {
        var registration = new ExecTracerRegistration(name);
        services.AddSingleton(registration);

        services.TryAddSingleton(TimeProvider.System);
        PlatformServices.AddPlatform(services);
        ExecTracingConfiguration.AddBackends(services);
        services.TryAddSingleton(sp => new ExecTracerMetrics(sp.GetService<IMeterFactory>()));
        if (registration.IsKeyed)
        {
            // Its measurements carry its name (tracing.tracer.name): each keyed tracer's time series are its own.
            services.TryAddKeyedSingleton(name, (sp, _) => new ExecTracerMetrics(sp.GetService<IMeterFactory>(), name));
        }

        services.AddOptions<ExecTracingOptions>(name).ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ExecTracingOptions>>(sp => new ExecTracingOptionsBinding(sp, registration));
        services.AddSingleton<IValidateOptions<ExecTracingOptions>>(new ExecTracingOptionsValidator(registration));
        services.AddSingleton<IHostedService>(sp => new ExecTracingHostedService(sp, registration));
        if (registration.IsKeyed)
        {
            services.TryAddKeyedSingleton(name, (sp, _) => Create(sp, registration));
        }
        else
        {
            services.TryAddSingleton(sp => Create(sp, registration));
        }

        return registration;
    }

    private static ExecTracer Create(IServiceProvider sp, ExecTracerRegistration registration)
    {
        // Without a host nothing validated on start: every section is checked here, its failures reported together.
        ExecTracingValidation.ValidateAll(sp, registration);

        // A keyed tracer has a kernel subscription (and reader) of its own; the rest of the platform is shared.
        var key = registration.IsKeyed ? registration.Name : null;
        return new ExecTracer(
            key is null ? sp.GetRequiredService<IKernelEventSource>() : sp.GetRequiredKeyedService<IKernelEventSource>(key),
            key is null ? sp.GetRequiredService<IProcessInfoReader>() : sp.GetRequiredKeyedService<IProcessInfoReader>(key),
            sp.GetRequiredService<IMonotonicClock>(),
            registration.OptionsIn(sp),
            sp.GetService<ICommandLauncher>(),
            sp.GetService<TimeProvider>(),
            key is null ? sp.GetService<ILogger<ExecTracer>>() : KeyedTracerLogger.For(sp, key),
            key is null ? sp.GetRequiredService<ExecTracerMetrics>() : sp.GetRequiredKeyedService<ExecTracerMetrics>(key),
            sp.GetService<IContainerEngine>());
    }
}
