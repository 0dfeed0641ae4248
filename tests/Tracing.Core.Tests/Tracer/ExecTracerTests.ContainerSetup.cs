using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Tracer;

/// <summary>The container tests' machine: a podman container "web", a host process, and the tracer over them.</summary>
public sealed partial class ExecTracerTests
{
    private ExecTracer CreateContainerTracer(Action<ExecTracingOptions>? configure = null)
    {
        var options = new ExecTracingOptions();
        configure?.Invoke(options);
        return new ExecTracer(_source, _processes.Reader, _clock, options, containerEngine: _containerEngine);
    }

    private async Task<List<TraceEvent>> TraceContainerAsync(Action feed, Action<ExecTracingOptions>? configure = null)
    {
        await using var tracer = CreateContainerTracer(configure);
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        feed();
        await tracer.StopAsync();
        return await DrainAsync(reader);
    }

    // podman's "web": its first process under conmon, a child, and a podman exec whose parent is conmon; a host process.
    private void AddWebContainer()
    {
        _containerEngine.Add(new ContainerRecord(s_webId, "web", "podman", Running: true, InitPid: ContainerInit));
        _processes.Add(Conmon, 1, "conmon", "/usr/bin/conmon").Cgroups = ContainerCgroups.Conmon(s_webId);
        _processes.Get(Conmon).NamespacePid = Conmon;
        AddInContainer(ContainerInit, 1, "sh", "/bin/sh", parent: Conmon, uid: 0, user: "root");
        AddInContainer(ContainerChild, 2, "nginx", "nginx", parent: ContainerInit, uid: 33, user: "www-data");
        AddInContainer(ContainerExec, 3, "bash", "bash", parent: Conmon, uid: 0, user: "root");
        var host = _processes.Add(HostProcess, 1, "sudo", "sudo", "ls");
        host.Cgroups = Host;
        host.NamespacePid = HostProcess;
        host.RealUid = 1000;
        host.EffectiveUid = 0;
        host.UserName = "alice";
    }

    private void AddInContainer(int pid, int namespacePid, string commandName, string argv0, int parent, uint uid, string user)
    {
        var process = _processes.Add(pid, parent, commandName, argv0);
        process.Cgroups = PodmanSystemd(s_webId);
        process.NamespacePid = namespacePid;
        process.RealUid = uid;
        process.EffectiveUid = uid;
        process.UserName = user;
    }
}
