using Tracing.Tracer;
using System.Diagnostics;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Kernel.Tests.Cli;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Tracer;

public class ExecTracerKernelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(ExecTracingSource.Bpf)]
    [InlineData(ExecTracingSource.ProcConnector)]
    public async Task Launched_command_is_reported_with_its_argv_cwd_and_parent(ExecTracingSource source)
    {
        var marker = KernelTracer.NewMarker();
        var directory = Directory.CreateTempSubdirectory("tracing-cwd-").FullName;
        try
        {
            // The shell waits on a FIFO ($0) until its exec is reported, so argv, cwd, exe and ids are read whatever the
            // machine's load (a command gone before the read is reported without them: the race is not what this tests).
            using var fifos = new Fifos();
            var fifo = fifos.Make("go");
            string[] argv = ["/bin/sh", "-c", "read go < \"$0\"", fifo, marker, "two words", ""];
            await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec(argv[0], argv[1..], directory)), source: source);
            await tracer.Tracer.StartAsync();
            Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings.Contains(marker), s_wait), "the command's exec was not reported");
            // The executable as the kernel names it, read while the command lives (/bin/sh may be /usr/bin/dash).
            var executable = new FileInfo($"/proc/{tracer.Tracer.Command!.Pid}/exe").LinkTarget;
            Assert.NotNull(executable);
            await fifos.ReleaseAsync(fifo, s_wait);
            var exitCode = await tracer.Tracer.WaitForCommandAsync();
            await tracer.Tracer.StopAsync();

            Assert.Equal(0, exitCode);
            var exec = Assert.Single(tracer.Execs);
            Assert.Equal(argv, exec.Arguments.Strings);
            Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
            Assert.Equal(directory, exec.WorkingDirectory);
            Assert.Equal(Environment.ProcessId, exec.ParentPid);
            Assert.Equal(tracer.Tracer.Command!.Pid, exec.Pid);
            Assert.Equal(executable, exec.ExecutablePath);
            Assert.Equal("sh", exec.CommandName);
            Assert.Equal(OwnUid(), exec.RealUid);
            Assert.Equal(OwnUid(), exec.EffectiveUid);
            Assert.True(exec.Time > DateTimeOffset.UtcNow.AddMinutes(-1) && exec.Time <= DateTimeOffset.UtcNow.AddSeconds(1));
            var exit = Assert.Single(tracer.Events.OfType<ExitEvent>());
            Assert.Equal(exec.Pid, exit.Pid);
            Assert.Equal(0, exit.ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static uint OwnUid() => uint.Parse(
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1],
        System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ExecTracingSource.Bpf)]
    [InlineData(ExecTracingSource.ProcConnector)]
    public async Task Run_command_mode_traces_the_whole_subtree_and_returns_the_exit_code(ExecTracingSource source)
    {
        // The child and the grandchild each wait on a FIFO of their own until their exec is reported, so their argv is
        // read whatever the machine's load.
        using var fifos = new Fifos();
        string child = fifos.Make("child"), grandchild = fifos.Make("grandchild");
        var script = $"/usr/bin/head -n 1 {child} >/dev/null; sh -c '/usr/bin/head -n 1 {grandchild} >/dev/null'; exit 7";
        await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec("/bin/sh", ["-c", script])), source: source);
        await tracer.Tracer.StartAsync();
        foreach (var fifo in new[] { child, grandchild })
        {
            Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings.SequenceEqual(["/usr/bin/head", "-n", "1", fifo]), s_wait), $"head {fifo} was not reported");
            await fifos.ReleaseAsync(fifo, s_wait);
        }

        var exitCode = await tracer.Tracer.WaitForCommandAsync();
        await tracer.Tracer.StopAsync();

        Assert.Equal(7, exitCode);
        var argv = tracer.Execs.Select(e => string.Join(' ', e.Arguments.Strings)).ToList();
        Assert.Contains($"/bin/sh -c {script}", argv);
        Assert.Contains($"/usr/bin/head -n 1 {child}", argv);
        Assert.Contains($"/usr/bin/head -n 1 {grandchild}", argv);
        Assert.All(tracer.Execs, e => Assert.Equal(ArgvSource.Complete, e.ArgvSource));
        var root = Assert.Single(tracer.Events.OfType<ExitEvent>(), e => e.Pid == tracer.Tracer.Command!.Pid);
        Assert.Equal(7, root.ExitCode);
    }

    [Theory]
    [InlineData(ExecTracingSource.Bpf)]
    [InlineData(ExecTracingSource.ProcConnector)]
    public async Task Pid_filter_reports_descendants_including_preexisting_children_and_keeps_outsiders_out(ExecTracingSource source)
    {
        var marker = KernelTracer.NewMarker();
        // The subshell exists (forked, not yet exec'd) before tracing starts; its exec must still be reported. It says
        // "forked" once it is, and waits for a line on the shell's stdin (fd 3: an async list's stdin is /dev/null).
        // What it execs then waits on a FIFO until its exec is reported, so its argv is read whatever the load.
        using var fifos = new Fifos();
        var fifo = fifos.Make("inside");
        var script = $"exec 3<&0; (echo forked; read go <&3; /bin/sh -c 'read go < \"$0\"' {fifo} {marker}-inside) & wait";
        using var root = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        try
        {
            Assert.Equal("forked", await root.StandardOutput.ReadLineAsync().WaitAsync(s_wait));
            await using var tracer = new KernelTracer(ExecTraceFilter.ProcessTree(root.Id), source: source);
            await tracer.Tracer.StartAsync();
            // The outsider lives until the root has ended, so that, were it reported, its argv would be there to see.
            using var outsider = HeldProcess.Start($"{marker}-outside");
            await root.StandardInput.WriteLineAsync("go");
            await root.StandardInput.FlushAsync();
            Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings.Contains($"{marker}-inside"), s_wait), "the inside exec was not reported");
            await fifos.ReleaseAsync(fifo, s_wait);
            await root.WaitForExitAsync();
            // The root's exit comes after the outsider's exec: once it is reported, the outsider's was handled.
            Assert.True(await tracer.WaitForAsync(e => e is ExitEvent x && x.Pid == root.Id, s_wait), "the root's exit was not reported");
            await tracer.Tracer.StopAsync();
            await outsider.ReleaseAsync();

            var argv = tracer.Execs.Select(e => string.Join(' ', e.Arguments.Strings)).ToList();
            Assert.Contains($"/bin/sh -c read go < \"$0\" {fifo} {marker}-inside", argv);
            Assert.DoesNotContain(argv, a => a.Contains($"{marker}-outside", StringComparison.Ordinal));
            Assert.DoesNotContain(tracer.Execs, e => e.Pid == outsider.Pid);
        }
        finally
        {
            if (!root.HasExited)
            {
                root.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData(ExecTracingSource.Bpf)]
    [InlineData(ExecTracingSource.ProcConnector)]
    public async Task A_long_argv_is_read_whole(ExecTracingSource source)
    {
        // 300 KB over several pages: the /proc reader must not stop at the first page.
        string[] arguments = [.. Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 30_000))];
        // The shell waits on a FIFO until its exec is reported, so the read finishes whatever the machine's load: this
        // tests the reader, not the race.
        using var fifos = new Fifos();
        var fifo = fifos.Make("go");
        string[] argv = ["/bin/sh", "-c", $"read go < {fifo}", "sh", .. arguments];
        await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec(argv[0], argv[1..])), source: source);
        await tracer.Tracer.StartAsync();
        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings[0] == "/bin/sh", s_wait), "the shell's exec was not reported");
        await fifos.ReleaseAsync(fifo, s_wait);
        await tracer.Tracer.WaitForCommandAsync();
        await tracer.Tracer.StopAsync();

        var exec = Assert.Single(tracer.Execs, e => e.Arguments.Strings[0] == "/bin/sh");
        Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
        Assert.Equal(argv, exec.Arguments.Strings);
    }

    [Theory]
    [InlineData(ExecTracingSource.Bpf)]
    [InlineData(ExecTracingSource.ProcConnector)]
    public async Task Everything_filter_sees_a_process_started_elsewhere(ExecTracingSource source)
    {
        var marker = KernelTracer.NewMarker();
        // The process waits on a FIFO until its exec is reported, so its argv is read whatever the machine's load.
        using var fifos = new Fifos();
        var fifo = fifos.Make("go");
        string[] argv = ["/bin/sh", "-c", "read go < \"$0\"", fifo, marker];
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false, source: source);
        await tracer.Tracer.StartAsync();
        using (var process = Process.Start(new ProcessStartInfo(argv[0], argv[1..]))!)
        {
            Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Pid == process.Id, s_wait), "the exec was not reported");
            await fifos.ReleaseAsync(fifo, s_wait);
            await process.WaitForExitAsync();
        }

        var exec = tracer.Execs.Single(e => e.Arguments.Strings.Contains(marker));
        Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
        Assert.Equal(argv, exec.Arguments.Strings);
    }
}
