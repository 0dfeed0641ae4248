using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracing.Cli.Logging;
using Tracing.Darwin;
using Tracing.Filtering;
using Tracing.Linux;
using Tracing.Linux.Netlink;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Cli.Running;

/// <summary>Composes the tracer the way the command line asks: scope, exits, the details the output shows.</summary>
internal static class TracerServices
{
    public static ServiceProvider Build(TraceSettings settings, ExecTraceFilter filter, IReadOnlyList<ExecCondition> conditions)
    {
        // The warnings on stderr. Not AddLogging: the tracer's two loggers are made directly (no LoggerFactory, whose
        // options the container would build by reflection); ILogger<T> for any other type the platform may ask for.
        var stderr = new StderrLoggerProvider(Console.Error, LogLevel.Warning);
        var services = new ServiceCollection()
            .AddSingleton(stderr)
            .AddSingleton<ILogger<ExecTracer>>(_ => new CategoryLogger<ExecTracer>(stderr))
            .AddSingleton(typeof(ILogger<>), typeof(CategoryLogger<>))
            .AddExecTracing(o =>
            {
                o.Filter = filter;
                foreach (var condition in conditions)
                {
                    o.Conditions.Add(condition);
                }

                // Spans end at exits: with --otlp they are traced, and printed only with -t.
                o.IncludeExits = settings.Exits || settings.Otlp;
                o.IncludeFailedExecs = settings.FailedExecs;
                o.Source = settings.Source;
                o.Details = DetailsFor(settings);
            });
        if (OperatingSystem.IsLinux())
        {
            AddLinuxLogger(services, stderr);
        }

        // The options the tracer reads, made without the container's reflection over the open-generic manager.
        FactoryOptions<ExecTracingOptions>.Register(services);
        FactoryOptions<ProcConnectorOptions>.Register(services);
        FactoryOptions<ContainerEngineOptions>.Register(services);
        FactoryOptions<DarwinPollingOptions>.Register(services);

        if (settings.EngineSocket is string socket)
        {
            services.Configure<ContainerEngineOptions>(o => o.Socket = socket);
        }

        GuardCommandStart(services);
        return services.BuildServiceProvider();
    }

    [SupportedOSPlatform("linux")]
    private static void AddLinuxLogger(IServiceCollection services, StderrLoggerProvider stderr) =>
        services.AddSingleton<ILogger<ProcConnectorEventSource>>(_ => new CategoryLogger<ProcConnectorEventSource>(stderr));

    /// <summary>What the tracer reads per exec: what the output shows, no more (text reads less than JSON, to be cheap).</summary>
    internal static ExecDetails DetailsFor(TraceSettings settings)
    {
        // An exit line names the command; by the time the last thread exits the process may be reaped, so it is read at exec.
        // Every line says which container its process runs in: the container is read in every mode, unless declined.
        // Environment and depth cost reads (and a tree of every process) that are not in All: only when asked.
        var container = settings.AttributeContainers ? ExecDetails.Container : ExecDetails.None;
        // Telemetry carries all an exec has (but its environment), and its cgroup.
        var optIn = (settings.ShowEnvironment ? ExecDetails.Environment : ExecDetails.None)
            | (settings.Tree ? ExecDetails.Depth : ExecDetails.None)
            | (settings.Otlp ? (ExecDetails.All & ~(ExecDetails.Container & ~container)) | ExecDetails.Cgroup : ExecDetails.None);
        return optIn | (settings.Json ? ExecDetails.All & ~(ExecDetails.Container & ~container)
            : container
            | (settings.ShowWorkingDirectory ? ExecDetails.WorkingDirectory : ExecDetails.None)
            | (settings.ShowUser ? ExecDetails.Credentials | ExecDetails.UserName : ExecDetails.None)
            | (settings.ShowExecutable ? ExecDetails.ExecutablePath : ExecDetails.None)
            | (settings.Exits ? ExecDetails.CommandName : ExecDetails.None));
    }

    /// <summary>Wraps the registered launcher in a <see cref="CommandStartGuard"/>.</summary>
    internal static void GuardCommandStart(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var registered = services[i];
            if (registered.ServiceType == typeof(ICommandLauncher) && !registered.IsKeyedService)
            {
                services[i] = ServiceDescriptor.Singleton<ICommandLauncher>(provider => new CommandStartGuard(Create(provider, registered)));
                return;
            }
        }

        throw new InvalidOperationException("No ICommandLauncher is registered.");
    }

    private static ICommandLauncher Create(IServiceProvider provider, ServiceDescriptor registered) =>
        (ICommandLauncher)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
