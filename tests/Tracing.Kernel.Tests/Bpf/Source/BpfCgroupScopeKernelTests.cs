using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Kernel.Tests.Shapes;
using Tracing.Linux.Bpf.Source;
using Tracing.Linux.ProcFs;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>
/// A cgroup v2 scope decided in the kernel: an exec outside the cgroup never leaves it (the source passes nothing of it
/// on), one inside comes marked in scope, so the tracer reads nothing of the process to decide it.
/// </summary>
public class BpfCgroupScopeKernelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_exec_outside_the_scopes_unified_cgroup_never_reaches_user_space()
    {
        // The unified hierarchy: /sys/fs/cgroup itself (v2), or /sys/fs/cgroup/unified beside v1 hierarchies (hybrid).
        var mount = new[] { CgroupPaths.DefaultMountRoot, Path.Join(CgroupPaths.DefaultMountRoot, "unified") }
            .FirstOrDefault(m => File.Exists(Path.Join(m, "cgroup.controllers")));
        Assert.True(mount is not null, "this machine has no unified cgroup hierarchy");
        var marker = KernelTracer.NewMarker();
        var cgroup = Path.Join(mount, marker);
        Directory.CreateDirectory(cgroup);
        try
        {
            HeldEventSource? held = null;
            await using var tracer = new KernelTracer(
                ExecTraceFilter.Cgroup("/" + marker, string.Empty),
                includeExits: false,
                source: ExecTracingSource.Bpf,
                services: s => s.AddSingleton<IKernelEventSource>(_ => held = new HeldEventSource(new BpfEventSource())));
            await tracer.Tracer.StartAsync();

            // The outsider execs first; the ring keeps the kernel's order, so once the insider's exec is delivered,
            // anything of the outsider's would have been too.
            var outside = await RunAsync($"exec /bin/true {marker}-outside");
            var inside = await RunAsync($"echo $$ > {cgroup}/cgroup.procs; exec /bin/true {marker}-inside");
            Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Pid == inside, s_wait), "the exec inside the cgroup was not reported");
            await tracer.Tracer.StopAsync();

            var passed = held!.Passed.Snapshot();
            Assert.DoesNotContain(passed, e => e.Kind == KernelEventKind.Exec && e.Tgid == outside);
            Assert.True(Assert.Single(passed, e => e.Kind == KernelEventKind.Exec && e.Tgid == inside).InScope);
            var exec = Assert.Single(tracer.Execs, e => e.Pid == inside);
            Assert.Equal(["/bin/true", marker + "-inside"], exec.Arguments.Strings);
        }
        finally
        {
            await RemoveAsync(cgroup);
        }
    }

    private static async Task<int> RunAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]))!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return process.Id;
    }

    // A cgroup is removable once its last process has been reaped, which the kernel notes a moment after the exit.
    private static async Task RemoveAsync(string cgroup)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                Directory.Delete(cgroup);
                return;
            }
            catch (IOException) when (attempt < 99)
            {
                await Task.Delay(50);
            }
        }
    }
}
