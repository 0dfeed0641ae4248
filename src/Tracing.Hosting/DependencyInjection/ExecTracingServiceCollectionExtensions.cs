using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Tracing.Hosting.Configuration;
using Tracing.Hosting.Hosting;
using Tracing.Hosting.DependencyInjection;
using Tracing.Hosting.Platform;
using Tracing.Ports;
using Tracing.Tracer;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers exec tracing.</summary>
public static class ExecTracingServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="ExecTracer"/> over this platform's backend, with default options.</summary>
    public static IServiceCollection AddExecTracing(this IServiceCollection services) => services.AddExecTracing(_ => { });

    /// <summary>
    /// Registers an <see cref="ExecTracer"/> over this platform's backend. Options come from the configuration section
    /// <c>ExecTracing</c> when there is one, then from <paramref name="configure"/>; the backends' settings
    /// (<c>ProcConnectorOptions</c>, <c>DarwinPollingOptions</c>) from its sub-sections <c>ProcConnector</c> and
    /// <c>DarwinPolling</c>, then from <c>services.Configure&lt;T&gt;(...)</c>. All are validated when a host starts, or
    /// without a host when the tracer is resolved, every wrong setting reported at once. In a generic host the tracer
    /// starts and stops with the host.
    /// </summary>
    public static IServiceCollection AddExecTracing(this IServiceCollection services, Action<ExecTracingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // The configuration section first, then the caller's code, which wins.
        ExecTracingConfiguration.Add(services);
        services.AddOptions<ExecTracingOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExecTracingOptions>, ExecTracingOptionsValidator>(_ => new ExecTracingOptionsValidator()));
        services.TryAddSingleton(TimeProvider.System);
        PlatformServices.AddPlatform(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ExecTracingHostedService>());
        services.TryAddSingleton(sp => new ExecTracerMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            // Without a host nothing validated on start: every section is checked here, its failures reported together.
            ExecTracingValidation.ValidateAll(sp);
            return new ExecTracer(
                sp.GetRequiredService<IKernelEventSource>(),
                sp.GetRequiredService<IProcessInfoReader>(),
                sp.GetRequiredService<IMonotonicClock>(),
                sp.GetRequiredService<IOptions<ExecTracingOptions>>().Value,
                sp.GetService<ICommandLauncher>(),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILogger<ExecTracer>>(),
                sp.GetRequiredService<ExecTracerMetrics>(),
                sp.GetService<IContainerEngine>());
        });
        return services;
    }
}
