using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Tracing.Hosting.HealthChecks;
using Tracing.Tracer;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the health check of an exec tracer: <c>services.AddHealthChecks().AddExecTracing()</c>.</summary>
public static class ExecTracingHealthChecksBuilderExtensions
{
    /// <summary>Checks the <see cref="ExecTracer"/> service, as the check <c>exectracing</c>.</summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <returns><paramref name="builder"/>, to chain further checks.</returns>
    public static IHealthChecksBuilder AddExecTracing(this IHealthChecksBuilder builder) =>
        Add(builder, serviceKey: null, _ => { });

    /// <summary>Checks the <see cref="ExecTracer"/> service, with the name, tags, failure status and loss window <paramref name="configure"/> sets.</summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="configure">Sets the check's name, tags, failure status and loss window.</param>
    /// <returns><paramref name="builder"/>, to chain further checks.</returns>
    public static IHealthChecksBuilder AddExecTracing(this IHealthChecksBuilder builder, Action<ExecTracingHealthCheckOptions> configure) =>
        Add(builder, serviceKey: null, configure);

    /// <summary>Checks the <see cref="ExecTracer"/> registered with the service key <paramref name="serviceKey"/>, as the check <c>exectracing-KEY</c>.</summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="serviceKey">The key the tracer was registered with (<c>services.AddExecTracing("web", ...)</c>).</param>
    /// <returns><paramref name="builder"/>, to chain further checks.</returns>
    public static IHealthChecksBuilder AddExecTracing(this IHealthChecksBuilder builder, string serviceKey) =>
        Add(builder, serviceKey ?? throw new ArgumentNullException(nameof(serviceKey)), _ => { });

    /// <summary>Checks the <see cref="ExecTracer"/> registered with the service key <paramref name="serviceKey"/>, as <paramref name="configure"/> sets.</summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="serviceKey">The key the tracer was registered with (<c>services.AddExecTracing("web", ...)</c>).</param>
    /// <param name="configure">Sets the check's name, tags, failure status and loss window.</param>
    /// <returns><paramref name="builder"/>, to chain further checks.</returns>
    public static IHealthChecksBuilder AddExecTracing(this IHealthChecksBuilder builder, string serviceKey, Action<ExecTracingHealthCheckOptions> configure) =>
        Add(builder, serviceKey ?? throw new ArgumentNullException(nameof(serviceKey)), configure);

    private static IHealthChecksBuilder Add(IHealthChecksBuilder builder, string? serviceKey, Action<ExecTracingHealthCheckOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ExecTracingHealthCheckOptions();
        configure(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LossWindow, TimeSpan.Zero, nameof(configure));
        var name = options.Name ?? (serviceKey is null ? ExecTracingHealthCheckOptions.DefaultName : $"{ExecTracingHealthCheckOptions.DefaultName}-{serviceKey}");
        var lossWindow = options.LossWindow;

        // The check is made anew for every run; what it saw of losses lives as long as its registration.
        var watch = new LossWatch();
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => Resolve(sp, serviceKey) switch
            {
                (ExecTracer tracer, _) => new ExecTracingHealthCheck(
                    tracer, watch, lossWindow, sp.GetService<IHostApplicationLifetime>(), sp.GetService<TimeProvider>() ?? TimeProvider.System),
                (_, var unresolved) => unresolved!,
            },
            options.FailureStatus,
            options.Tags));
    }

    // The tracer, or the check that says why there is none (the whole report must not fail for one registration).
    private static (ExecTracer? Tracer, IHealthCheck? Unresolved) Resolve(IServiceProvider services, string? serviceKey)
    {
        try
        {
            var tracer = serviceKey is null ? services.GetService<ExecTracer>() : services.GetKeyedService<ExecTracer>(serviceKey);
            return tracer is not null ? (tracer, null) : (null, new UnresolvedTracerHealthCheck(
                serviceKey is null
                    ? "No exec tracer is registered: services.AddExecTracing() was not called."
                    : $"No exec tracer is registered with the key '{serviceKey}': services.AddExecTracing(\"{serviceKey}\", ...) was not called.",
                null));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, new UnresolvedTracerHealthCheck($"The exec tracer{(serviceKey is null ? "" : $" '{serviceKey}'")} could not be made: {e.Message}", e));
        }
    }
}
