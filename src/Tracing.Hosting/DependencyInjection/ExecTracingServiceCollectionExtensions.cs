using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tracing.Hosting.DependencyInjection;
using Tracing.Tracer;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers exec tracing: an <see cref="ExecTracer"/> over this platform's backend, whose
/// <see cref="ExecTracingOptions"/> come from a configuration section, then from code, which wins. The options are
/// validated when a host starts, or without a host when the tracer is resolved, every wrong setting reported at once,
/// each named by its key. In a generic host the tracer starts and stops with the host.
/// </summary>
/// <remarks>
/// Several tracers: one unkeyed (<see cref="AddExecTracing(IServiceCollection)"/> and the overloads without a name)
/// and any number keyed by a name (resolved with <c>GetRequiredKeyedService&lt;ExecTracer&gt;(name)</c> or
/// <c>[FromKeyedServices(name)]</c>; their options are <c>IOptionsMonitor&lt;ExecTracingOptions&gt;.Get(name)</c>). Each
/// has its own kernel subscription, options, start and stop. The backends' settings (<c>ProcConnectorOptions</c>,
/// <c>DarwinPollingOptions</c>, <c>ContainerEngineOptions</c>) are the host's, shared by every tracer: the
/// sub-sections <c>ProcConnector</c>, <c>DarwinPolling</c> and <c>ContainerEngine</c> of the unkeyed tracer's section
/// (<c>ExecTracing</c> when there is none), then <c>services.Configure&lt;T&gt;(...)</c>. Calling an overload again for
/// the same name adds its code, and its section replaces the one bound.
/// </remarks>
public static class ExecTracingServiceCollectionExtensions
{
    /// <summary>Registers the unkeyed tracer, with the options of the configuration section <c>ExecTracing</c> when there is one.</summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>, to chain further calls.</returns>
    public static IServiceCollection AddExecTracing(this IServiceCollection services) =>
        ExecTracingRegistrar.Add(services, Options.Options.DefaultName, section: null, configure: null);

    /// <summary>Registers the unkeyed tracer: options from the configuration section <c>ExecTracing</c> when there is one, then <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; runs after the configuration.</param>
    /// <returns><paramref name="services"/>, to chain further calls.</returns>
    public static IServiceCollection AddExecTracing(this IServiceCollection services, Action<ExecTracingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return ExecTracingRegistrar.Add(services, Options.Options.DefaultName, section: null, configure);
    }

    /// <summary>
    /// Registers the unkeyed tracer with the options of <paramref name="section"/> instead of <c>ExecTracing</c>; its
    /// keys and messages are named by the section's path, and the backends' sub-sections are read from it.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section, e.g. <c>builder.Configuration.GetSection("Monitoring:Execs")</c>.</param>
    /// <returns><paramref name="services"/>, to chain further calls.</returns>
    public static IServiceCollection AddExecTracing(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return ExecTracingRegistrar.Add(services, Options.Options.DefaultName, section, configure: null);
    }

    /// <summary>Registers the unkeyed tracer: options from <paramref name="section"/>, then <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section, instead of <c>ExecTracing</c>.</param>
    /// <param name="configure">Sets the options; runs after the configuration.</param>
    /// <returns><paramref name="services"/>, to chain further calls.</returns>
    public static IServiceCollection AddExecTracing(this IServiceCollection services, IConfiguration section, Action<ExecTracingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(configure);
        return ExecTracingRegistrar.Add(services, Options.Options.DefaultName, section, configure);
    }

    /// <summary>
    /// Registers a tracer keyed by <paramref name="name"/>, with the options <paramref name="configure"/> sets (no
    /// configuration is bound; their keys are named <c>ExecTracing[name]:...</c> in messages).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The tracer's service key and options name; not empty.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>, to chain further calls.</returns>
    public static IServiceCollection AddExecTracing(this IServiceCollection services, string name, Action<ExecTracingOptions> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        return ExecTracingRegistrar.Add(services, name, section: null, configure);
    }

    /// <summary>
    /// Registers a tracer keyed by <paramref name="name"/>, with the options of <paramref name="section"/> (which holds
    /// no backend sub-section: those are the host's).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The tracer's service key and options name; not empty.</param>
    /// <param name="section">The section, e.g. <c>builder.Configuration.GetSection("Tracers:web")</c>.</param>
    /// <returns><paramref name="services"/>, to chain further calls.</returns>
    public static IServiceCollection AddExecTracing(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(section);
        return ExecTracingRegistrar.Add(services, name, section, configure: null);
    }

    /// <summary>Registers a tracer keyed by <paramref name="name"/>: options from <paramref name="section"/>, then <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The tracer's service key and options name; not empty.</param>
    /// <param name="section">The section (which holds no backend sub-section: those are the host's).</param>
    /// <param name="configure">Sets the options; runs after the configuration.</param>
    /// <returns><paramref name="services"/>, to chain further calls.</returns>
    public static IServiceCollection AddExecTracing(this IServiceCollection services, string name, IConfiguration section, Action<ExecTracingOptions> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(configure);
        return ExecTracingRegistrar.Add(services, name, section, configure);
    }
}
