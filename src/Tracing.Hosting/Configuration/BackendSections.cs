using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Where the backends' settings are: sub-sections of the unkeyed tracer's section (<c>ExecTracing</c> of the host
/// configuration, or the one given to <c>AddExecTracing(section)</c>), or of <c>ExecTracing</c> when only keyed
/// tracers were registered. They are the host's, shared by every tracer in it.
/// </summary>
internal static class BackendSections
{
    /// <summary>The Linux backend's settings (<c>ProcConnectorOptions</c>).</summary>
    public const string ProcConnector = "ProcConnector";

    /// <summary>The Linux eBPF source's settings (<c>BpfSourceOptions</c>).</summary>
    public const string Bpf = "Bpf";

    /// <summary>The macOS backend's settings (<c>DarwinPollingOptions</c>).</summary>
    public const string DarwinPolling = "DarwinPolling";

    /// <summary>The container engines' settings (<c>ContainerEngineOptions</c>: which API socket, how long to wait).</summary>
    public const string ContainerEngine = "ContainerEngine";

    /// <summary>The sub-sections, in the order the unknown-key message lists them.</summary>
    public static readonly string[] Names = [ProcConnector, Bpf, DarwinPolling, ContainerEngine];

    /// <summary>The sub-section <paramref name="name"/>; null without configuration.</summary>
    public static IConfigurationSection? Find(IServiceProvider services, string name)
    {
        var home = Home(services);
        return (home?.SectionIn(services) ?? services.GetService<IConfiguration>()?.GetSection(ExecTracingOptions.SectionName))?.GetSection(name);
    }

    /// <summary>The key of the sub-section <paramref name="name"/>, e.g. <c>ExecTracing:ProcConnector</c>.</summary>
    public static string PathOf(IServiceProvider services, string name) =>
        (Home(services)?.KeyPrefix ?? ExecTracingOptions.SectionName + ":") + name;

    private static ExecTracerRegistration? Home(IServiceProvider services) =>
        services.GetServices<ExecTracerRegistration>().FirstOrDefault(r => !r.IsKeyed);
}
