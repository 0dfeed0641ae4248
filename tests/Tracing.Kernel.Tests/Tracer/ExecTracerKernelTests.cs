using System.Diagnostics;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Xunit.Abstractions;

namespace Tracing.Kernel.Tests.Tracer;

public class ExecTracerKernelTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    // The receive thread waits with no timeout, so a stop that failed to wake it would never return; this bound only
    // turns that hang into a failure, and no load makes a woken stop take this long. How prompt a stop is, is a figure:
    // printed here, and measured under a storm by bench/Tracing.StormBench.
    private static readonly TimeSpan s_stopBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Launched_echo_is_reported_with_its_argv_cwd_and_parent()
    {
        var marker = KernelTracer.NewMarker();
        var directory = Directory.CreateTempSubdirectory("tracing-cwd-").FullName;
        try
        {
            await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec("/bin/echo", [marker, "two words", ""], directory)));
            await tracer.Tracer.StartAsync();
            var exitCode = await tracer.Tracer.WaitForCommandAsync();
            await tracer.Tracer.StopAsync();

            Assert.Equal(0, exitCode);
            var exec = Assert.Single(tracer.Execs);
            Assert.Equal(["/bin/echo", marker, "two words", ""], exec.Arguments.Strings);
            Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
            Assert.Equal(directory, exec.WorkingDirectory);
            Assert.Equal(Environment.ProcessId, exec.ParentPid);
            Assert.Equal(tracer.Tracer.Command!.Pid, exec.Pid);
            Assert.Equal("/usr/bin/echo", exec.ExecutablePath);
            Assert.Equal("echo", exec.CommandName);
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

    [Fact]
    public async Task Run_command_mode_traces_the_whole_subtree_and_returns_the_exit_code()
    {
        var marker = KernelTracer.NewMarker();
        var script = $"/bin/echo {marker}-child >/dev/null; sh -c '/bin/echo {marker}-grandchild >/dev/null'; exit 7";
        await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec("/bin/sh", ["-c", script])));
        await tracer.Tracer.StartAsync();
        var exitCode = await tracer.Tracer.WaitForCommandAsync();
        await tracer.Tracer.StopAsync();

        Assert.Equal(7, exitCode);
        var argv = tracer.Execs.Select(e => string.Join(' ', e.Arguments.Strings)).ToList();
        Assert.Contains($"/bin/sh -c {script}", argv);
        Assert.Contains($"/bin/echo {marker}-child", argv);
        Assert.Contains($"/bin/echo {marker}-grandchild", argv);
        Assert.All(tracer.Execs, e => Assert.Equal(ArgvSource.Complete, e.ArgvSource));
        var root = Assert.Single(tracer.Events.OfType<ExitEvent>(), e => e.Pid == tracer.Tracer.Command!.Pid);
        Assert.Equal(7, root.ExitCode);
    }

    [Fact]
    public async Task Pid_filter_reports_descendants_including_preexisting_children_and_keeps_outsiders_out()
    {
        var marker = KernelTracer.NewMarker();
        // The subshell exists (forked, not yet exec'd) before tracing starts; its exec must still be reported. It says
        // "forked" once it is, and waits for a line on the shell's stdin (fd 3: an async list's stdin is /dev/null).
        var script = $"exec 3<&0; (echo forked; read go <&3; /bin/echo {marker}-inside >/dev/null) & wait";
        using var root = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        try
        {
            Assert.Equal("forked", await root.StandardOutput.ReadLineAsync().WaitAsync(s_wait));
            await using var tracer = new KernelTracer(ExecTraceFilter.ProcessTree(root.Id));
            await tracer.Tracer.StartAsync();
            using (var outsider = Process.Start(new ProcessStartInfo("/bin/echo", [$"{marker}-outside"]) { RedirectStandardOutput = true })!)
            {
                await outsider.WaitForExitAsync();
            }

            await root.StandardInput.WriteLineAsync("go");
            await root.StandardInput.FlushAsync();
            await root.WaitForExitAsync();
            // The root's exit comes after the outsider's exec: once it is reported, the outsider's was handled.
            Assert.True(await tracer.WaitForAsync(e => e is ExitEvent x && x.Pid == root.Id, s_wait), "the root's exit was not reported");
            await tracer.Tracer.StopAsync();

            var argv = tracer.Execs.Select(e => string.Join(' ', e.Arguments.Strings)).ToList();
            Assert.Contains($"/bin/echo {marker}-inside", argv);
            Assert.DoesNotContain(argv, a => a.Contains($"{marker}-outside", StringComparison.Ordinal));
        }
        finally
        {
            if (!root.HasExited)
            {
                root.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task A_long_argv_is_read_whole()
    {
        // 300 KB over several pages: the /proc reader must not stop at the first page.
        string[] arguments = [.. Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 30_000))];
        // The shell waits on a FIFO until its exec is reported, so the read finishes whatever the machine's load: this
        // tests the reader, not the race.
        using var fifos = new Fifos();
        var fifo = fifos.Make("go");
        string[] argv = ["/bin/sh", "-c", $"read go < {fifo}", "sh", .. arguments];
        await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec(argv[0], argv[1..])));
        await tracer.Tracer.StartAsync();
        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings[0] == "/bin/sh", s_wait), "the shell's exec was not reported");
        await fifos.ReleaseAsync(fifo, s_wait);
        await tracer.Tracer.WaitForCommandAsync();
        await tracer.Tracer.StopAsync();

        var exec = Assert.Single(tracer.Execs, e => e.Arguments.Strings[0] == "/bin/sh");
        Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
        Assert.Equal(argv, exec.Arguments.Strings);
    }

    [Fact]
    public async Task Everything_filter_sees_a_process_started_elsewhere()
    {
        var marker = KernelTracer.NewMarker();
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false);
        await tracer.Tracer.StartAsync();
        using (var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"/bin/true {marker}"]))!)
        {
            await process.WaitForExitAsync();
        }

        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings.Contains(marker), s_wait));
        var exec = tracer.Execs.Single(e => e.Arguments.Strings.Contains(marker));
        Assert.Equal(["/bin/true", marker], exec.Arguments.Strings);
    }

    [Fact]
    public async Task Stop_wakes_the_receive_thread_and_completes_the_stream()
    {
        var marker = KernelTracer.NewMarker();
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything);
        var reader = tracer.Tracer.CreateReader();
        await tracer.Tracer.StartAsync();
        // Once an exec is reported the receive thread is running, and then waits for the next datagram.
        await RunAsync("/bin/true", marker);
        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings.Contains(marker), s_wait));

        var stopwatch = Stopwatch.StartNew();
        await tracer.Tracer.StopAsync().WaitAsync(s_stopBound);
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"StopAsync: {stopwatch.Elapsed.TotalMilliseconds:0.0} ms"));

        // The stream ends: reading it to the end finishes instead of waiting for more.
        await foreach (var _ in reader.ReadAllAsync().WithCancellation(new CancellationTokenSource(s_wait).Token))
        {
        }

        await tracer.Tracer.StopAsync();
    }

    [Fact]
    public async Task Start_after_stop_subscribes_again()
    {
        var marker = KernelTracer.NewMarker();
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything);
        await tracer.Tracer.StartAsync();
        await tracer.Tracer.StopAsync();
        await tracer.Tracer.StartAsync();
        await RunAsync("/bin/true", marker);

        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings.Contains(marker), s_wait));
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        await process.WaitForExitAsync();
    }
}
