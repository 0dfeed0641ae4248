using System.Diagnostics;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Linux.ProcFs;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>The cgroup filter against a real cgroup: v1's cpu hierarchy, or the unified one on a cgroup v2 machine.</summary>
public class ExecTracerCgroupKernelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Cgroup_filter_reports_execs_inside_the_cgroup_only()
    {
        var marker = KernelTracer.NewMarker();
        var isUnified = File.Exists(Path.Join(CgroupPaths.DefaultMountRoot, "cgroup.controllers"));
        var cgroup = isUnified ? Path.Join(CgroupPaths.DefaultMountRoot, marker) : Path.Join(CgroupPaths.DefaultMountRoot, "cpu", marker);
        // On v1, a cgroup of the same name in another hierarchy must not count: the outsider runs in that one.
        var decoy = isUnified ? null : Path.Join(CgroupPaths.DefaultMountRoot, "memory", marker);
        Directory.CreateDirectory(cgroup);
        if (decoy is not null)
        {
            Directory.CreateDirectory(decoy);
        }

        var started = new List<Process>();
        using var fifos = new Fifos();
        try
        {
            Assert.True(CgroupPaths.IsOnCgroupFileSystem(cgroup), $"{cgroup} is no cgroup");
            var (controller, path) = CgroupPaths.Resolve(cgroup);
            Assert.Equal((isUnified ? "" : "cpu", "/" + marker), (controller, path));
            await using var tracer = new KernelTracer(ExecTraceFilter.Cgroup(path, controller));
            await tracer.Tracer.StartAsync();

            // Each shell waits on stdin, so the test decides when it moves; the tracer reads a process's cgroups when
            // it handles the exec, in the kernel's order, so the sentinel's exec being reported proves that the
            // shell's own exec, and the outsider's, were handled while each still lived where it was. Each marked
            // process lives until the test lets it go (it reads its own FIFO), so its argv and cgroups are read
            // whatever the machine's load: this tests the filter, not the race.
            string Marked(string name) => $"/bin/sh -c 'read go < {fifos.Make(name)}' {marker}-{name}";
            var sentinel = StartShell($"echo $$ > {cgroup}/cgroup.procs; read line; exec {Marked("sentinel")}", started);
            var shell = StartShell($"read line; echo $$ > {cgroup}/cgroup.procs; {Marked("inside")}", started);
            var outside = StartShell($"{(decoy is null ? "" : $"echo $$ > {decoy}/cgroup.procs; ")}{Marked("outside")}", started);
            outside.StandardInput.Close();
            // Once the outsider reads its FIFO it has exec'd; it is let go after the sentinel's exec was reported.
            await using (var writer = await fifos.OpenAsync(fifos.PathOf("outside"), s_wait))
            {
                await sentinel.StandardInput.WriteLineAsync();
                Assert.True(await tracer.WaitForAsync(e => IsMarked(e, marker, "sentinel"), s_wait), "the sentinel's exec inside the cgroup was not reported");
                await writer.WriteLineAsync("go");
            }

            await outside.WaitForExitAsync();
            Assert.Equal(0, outside.ExitCode);
            await fifos.ReleaseAsync(fifos.PathOf("sentinel"), s_wait);
            await shell.StandardInput.WriteLineAsync();
            Assert.True(await tracer.WaitForAsync(e => IsMarked(e, marker, "inside"), s_wait), "the exec inside the cgroup was not reported");
            await fifos.ReleaseAsync(fifos.PathOf("inside"), s_wait);
            await sentinel.WaitForExitAsync();
            await shell.WaitForExitAsync();
            await tracer.Tracer.StopAsync();

            Assert.Equal(0, sentinel.ExitCode);
            Assert.Equal(0, shell.ExitCode);
            var inside = Assert.Single(tracer.Execs, e => IsMarked(e, marker, "inside"));
            Assert.Equal(shell.Id, inside.ParentPid);
            Assert.DoesNotContain(tracer.Execs, e => e.Pid == shell.Id);
            Assert.DoesNotContain(tracer.Execs, e => IsMarked(e, marker, "outside") || e.Pid == outside.Id);
        }
        finally
        {
            await EndAllAsync(started);
            await RemoveCgroupAsync(cgroup);
            if (decoy is not null)
            {
                await RemoveCgroupAsync(decoy);
            }
        }
    }

    [Fact]
    public async Task A_process_moved_into_and_out_of_the_cgroup_is_reported_only_for_its_execs_while_inside()
    {
        var marker = KernelTracer.NewMarker();
        var isUnified = File.Exists(Path.Join(CgroupPaths.DefaultMountRoot, "cgroup.controllers"));
        var hierarchy = isUnified ? CgroupPaths.DefaultMountRoot : Path.Join(CgroupPaths.DefaultMountRoot, "cpu");
        var cgroup = Path.Join(hierarchy, marker);
        Directory.CreateDirectory(cgroup);
        var started = new List<Process>();
        using var fifos = new Fifos();
        try
        {
            var (controller, path) = CgroupPaths.Resolve(cgroup);
            await using var tracer = new KernelTracer(ExecTraceFilter.Cgroup(path, controller));
            await tracer.Tracer.StartAsync();

            // A child is in its parent's cgroup at fork: each marked exec shows where the shell was when it ran it.
            // The shell starts outside, moves in, moves back out to the hierarchy's root. Each marked process lives
            // until the test lets it go (it reads its own FIFO), so the tracer reads its cgroups whatever the machine's
            // load: this tests the filter, not the race.
            string Marked(string name) => $"/bin/sh -c 'read go < {fifos.Make(name)}' {marker}-{name}";
            var shell = StartShell(
                $"{Marked("before")}; echo $$ > {cgroup}/cgroup.procs; {Marked("in-1")}; {Marked("in-2")}; " +
                $"echo $$ > {hierarchy}/cgroup.procs; {Marked("after")}; exec {Marked("exec-after")}",
                started);
            shell.StandardInput.Close();
            foreach (var (name, inside) in new[] { ("before", false), ("in-1", true), ("in-2", true), ("after", false), ("exec-after", false) })
            {
                if (inside)
                {
                    Assert.True(await tracer.WaitForAsync(e => IsMarked(e, marker, name), s_wait), $"{name} was not reported");
                    await fifos.ReleaseAsync(fifos.PathOf(name), s_wait);
                    continue;
                }

                // Once it reads its FIFO it has exec'd; the tracer handles execs in the kernel's order, so a later exec
                // inside the cgroup being reported proves that this one was handled (while it still lived).
                await using var writer = await fifos.OpenAsync(fifos.PathOf(name), s_wait);
                var sentinel = StartShell($"echo $$ > {cgroup}/cgroup.procs; exec {Marked($"sentinel-{name}")}", started);
                sentinel.StandardInput.Close();
                Assert.True(await tracer.WaitForAsync(e => IsMarked(e, marker, $"sentinel-{name}"), s_wait), "the sentinel's exec inside the cgroup was not reported");
                await fifos.ReleaseAsync(fifos.PathOf($"sentinel-{name}"), s_wait);
                await writer.WriteLineAsync("go");
            }

            await shell.WaitForExitAsync();
            Assert.Equal(0, shell.ExitCode);
            await tracer.Tracer.StopAsync();

            Assert.Single(tracer.Execs, e => IsMarked(e, marker, "in-1"));
            Assert.Single(tracer.Execs, e => IsMarked(e, marker, "in-2"));
            Assert.All(tracer.Execs.Where(e => IsMarked(e, marker, "in-1") || IsMarked(e, marker, "in-2")), e => Assert.Equal(shell.Id, e.ParentPid));
            Assert.DoesNotContain(tracer.Execs, e => IsMarked(e, marker, "before"));
            Assert.DoesNotContain(tracer.Execs, e => IsMarked(e, marker, "after"));
            Assert.DoesNotContain(tracer.Execs, e => IsMarked(e, marker, "exec-after"));
            Assert.DoesNotContain(tracer.Execs, e => e.Pid == shell.Id);
        }
        finally
        {
            await EndAllAsync(started);
            await RemoveCgroupAsync(cgroup);
        }
    }

    private static async Task EndAllAsync(List<Process> started)
    {
        foreach (var process in started)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    private static Process StartShell(string script, List<Process> started)
    {
        var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        started.Add(process);
        return process;
    }

    private static bool IsMarked(TraceEvent e, string marker, string name) =>
        e is ExecEvent exec && exec.Arguments.Count == 4 && exec.Arguments.Strings[0] == "/bin/sh" && exec.Arguments.Strings[3] == $"{marker}-{name}";

    // rmdir of a cgroup fails with EBUSY while the kernel still counts an exited task in it. Nothing signals when it
    // lets go on cgroup v1 (v2's cgroup.events could be watched, but this is clean-up, not what a test checks): a
    // retry, bounded at 30 s.
    private static async Task RemoveCgroupAsync(string cgroup)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                Directory.Delete(cgroup);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline && Directory.Exists(cgroup))
            {
                await Task.Delay(20);
            }
        }
    }
}
