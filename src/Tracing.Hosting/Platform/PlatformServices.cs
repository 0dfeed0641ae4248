using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracing.Darwin;
using Tracing.Darwin.Polling;
using Tracing.Hosting.Commands;
using Tracing.Linux;
using Tracing.Linux.Containers;
using Tracing.Linux.Launch;
using Tracing.Linux.Netlink;
using Tracing.Linux.ProcFs;
using Tracing.Ports;

namespace Tracing.Hosting.Platform;

/// <summary>
/// Chooses the backend for the operating system the process runs on, and how a command is started: on Linux with
/// posix_spawn (its argv and environment bytes, signal dispositions and mask as the tracer was given them), elsewhere
/// with <see cref="System.Diagnostics.Process"/>.
/// </summary>
internal static class PlatformServices
{
    public static void AddPlatform(IServiceCollection services)
    {
        if (OperatingSystem.IsLinux())
        {
            AddLinux(services);
            return;
        }

        if (OperatingSystem.IsMacOS())
        {
            AddMacOS(services);
            return;
        }

        services.TryAddSingleton<ICommandLauncher, ProcessCommandLauncher>();
        services.TryAddSingleton<IKernelEventSource, UnsupportedPlatformEventSource>();
        services.TryAddSingleton<IProcessInfoReader, UnsupportedPlatformProcessInfoReader>();
        services.TryAddSingleton<IMonotonicClock, StopwatchClock>();
    }

    [SupportedOSPlatform("linux")]
    private static void AddLinux(IServiceCollection services)
    {
        services.TryAddSingleton<IKernelEventSource>(sp => new ProcConnectorEventSource(
            sp.GetRequiredService<IOptions<ProcConnectorOptions>>().Value, sp.GetService<ILogger<ProcConnectorEventSource>>()));
        services.TryAddSingleton<IProcessInfoReader>(_ => new ProcFsReader());
        // Factories, not types: the container would find a type's constructor by reflection (costly in Native AOT).
        services.TryAddSingleton<IMonotonicClock>(_ => new LinuxMonotonicClock());
        services.TryAddSingleton<ICommandLauncher>(_ => new SpawnCommandLauncher());
        services.TryAddSingleton<IContainerEngine>(sp => new DockerEngineClient(sp.GetRequiredService<IOptions<ContainerEngineOptions>>().Value));
    }

    [SupportedOSPlatform("macos")]
    private static void AddMacOS(IServiceCollection services)
    {
        // The poller and the reader share one table, so an event's process is described as the poll saw it.
        services.TryAddSingleton<ProcessSnapshotStore>();
        services.TryAddSingleton<IMonotonicClock, DarwinMonotonicClock>();
        services.TryAddSingleton<IKernelEventSource>(sp => new DarwinPollingEventSource(
            sp.GetRequiredService<IOptions<DarwinPollingOptions>>().Value,
            sp.GetRequiredService<ProcessSnapshotStore>(),
            clock: sp.GetRequiredService<IMonotonicClock>()));
        services.TryAddSingleton<IProcessInfoReader>(sp => new DarwinProcessInfoReader(sp.GetRequiredService<ProcessSnapshotStore>()));
        services.TryAddSingleton<ICommandLauncher, ProcessCommandLauncher>();
    }
}
