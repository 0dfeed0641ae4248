using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracing.Darwin;
using Tracing.Darwin.Polling;
using Tracing.Hosting.Commands;
using Tracing.Hosting.Configuration;
using Tracing.Linux;
using Tracing.Linux.Bpf.Source;
using Tracing.Linux.Containers;
using Tracing.Linux.Launch;
using Tracing.Linux.Netlink;
using Tracing.Linux.ProcFs;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.Platform;

/// <summary>
/// Chooses the backend for the operating system the process runs on, and how a command is started: on Linux with
/// posix_spawn (its argv and environment bytes, signal dispositions and mask as the tracer was given them), elsewhere
/// with <see cref="System.Diagnostics.Process"/>. A keyed tracer's kernel source (and, where it shares the source's
/// state, its reader) is a keyed service of its key, made for any key; clock, launcher and container engine are shared.
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
        services.TryAddKeyedSingleton<IKernelEventSource>(KeyedService.AnyKey, static (_, _) => new UnsupportedPlatformEventSource());
        AddSharedReader(services);
    }

    // A keyed tracer's reader: the unkeyed one, which is safe to use from several receive threads at once.
    private static void AddSharedReader(IServiceCollection services) =>
        services.TryAddKeyedSingleton<IProcessInfoReader>(KeyedService.AnyKey, static (sp, _) => sp.GetRequiredService<IProcessInfoReader>());

    [SupportedOSPlatform("linux")]
    private static void AddLinux(IServiceCollection services)
    {
        services.TryAddSingleton<IKernelEventSource>(sp => CreateLinuxSource(sp, null));
        services.TryAddKeyedSingleton<IKernelEventSource>(KeyedService.AnyKey, static (sp, key) => CreateLinuxSource(sp, key as string));
        services.TryAddSingleton<IProcessInfoReader>(_ => new ProcFsReader());
        AddSharedReader(services);
        // Factories, not types: the container would find a type's constructor by reflection (costly in Native AOT).
        services.TryAddSingleton<IMonotonicClock>(_ => new LinuxMonotonicClock());
        services.TryAddSingleton<ICommandLauncher>(_ => new SpawnCommandLauncher());
        services.TryAddSingleton<IContainerEngine>(sp => new DockerEngineClient(sp.GetRequiredService<IOptions<ContainerEngineOptions>>().Value));
    }

    [SupportedOSPlatform("linux")]
    private static ProcConnectorEventSource CreateProcConnector(IServiceProvider sp) => new(
        sp.GetRequiredService<IOptions<ProcConnectorOptions>>().Value, sp.GetService<ILogger<ProcConnectorEventSource>>());

    [SupportedOSPlatform("linux")]
    private static BpfEventSource CreateBpf(IServiceProvider sp) => new(
        sp.GetRequiredService<IOptions<BpfSourceOptions>>().Value, sp.GetService<ILogger<BpfEventSource>>());

    // The tracer's own choice (ExecTracingOptions.Source): the unkeyed tracer's, or the keyed one's of that name.
    [SupportedOSPlatform("linux")]
    private static SelectedEventSource CreateLinuxSource(IServiceProvider sp, string? key)
    {
        var registration = sp.GetServices<ExecTracerRegistration>().FirstOrDefault(r => key is null ? !r.IsKeyed : r.IsKeyed && r.Name == key);
        var choice = registration?.OptionsIn(sp).Source ?? ExecTracingSource.Auto;
        return new SelectedEventSource(choice, () => CreateBpf(sp), () => CreateProcConnector(sp), sp.GetService<ILogger<SelectedEventSource>>());
    }

    [SupportedOSPlatform("macos")]
    private static void AddMacOS(IServiceCollection services)
    {
        // A keyed tracer polls on its own: its poller, reader and their table are its key's.
        services.TryAddKeyedSingleton<ProcessSnapshotStore>(KeyedService.AnyKey, static (_, _) => new ProcessSnapshotStore());
        services.TryAddKeyedSingleton<IKernelEventSource>(KeyedService.AnyKey, static (sp, key) => new DarwinPollingEventSource(
            sp.GetRequiredService<IOptions<DarwinPollingOptions>>().Value,
            sp.GetRequiredKeyedService<ProcessSnapshotStore>(key),
            clock: sp.GetRequiredService<IMonotonicClock>()));
        services.TryAddKeyedSingleton<IProcessInfoReader>(KeyedService.AnyKey, static (sp, key) =>
            new DarwinProcessInfoReader(sp.GetRequiredKeyedService<ProcessSnapshotStore>(key)));

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
