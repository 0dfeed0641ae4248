using System.Globalization;
using Tracing.Kernel.Tests.Cli;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>Whole-machine tracing says, for every exec, which container it runs in (null for the host) and its pid there.</summary>
public partial class ExectraceContainerTests
{
    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_new_containers_first_process_has_namespace_pid_one_and_its_container(string source)
    {
        await using var podman = await Podman.StartAsync();
        var marker = NewMarker("init");

        await using var exectrace = await TraceAsync(source, "--json");
        // Its init is a shell with the marker as $0, which waits on its stdin until the container is removed.
        var container = await podman.RunAsync("init", "/bin/sh", "-c", "trap 'exit 0' TERM; read hold", marker);
        var exec = (await ReadExecsUntilAsync(exectrace, marker))[^1];

        AssertIn(container, exec);
        Assert.Equal(container.InitPid, exec.Pid);
        Assert.True(exec.NamespacePid == 1, exec.Line);
        Assert.Equal(1, TracedExec.NamespacePidOnHost(container.InitPid));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Host_and_container_execs_side_by_side_are_attributed_each_to_its_own(string source)
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("side");
        var onHost = NewMarker("host");
        var inContainer = NewMarker("container");

        await using var exectrace = await TraceAsync(source, "--json");
        using var host = HeldProcess.Start(onHost);
        var (_, printedPid) = await podman.HoldAsync(container, inContainer);
        var execs = await ReadExecsUntilAsync(exectrace, inContainer);
        await host.ReleaseAsync();

        var hostExec = execs.Single(e => e.Runs(onHost));
        Assert.True(hostExec.Container is null, hostExec.Line);
        Assert.Equal(host.Pid, hostExec.Pid);
        // nspid is read only for a container's process (docs/json-schema.md): the host's pid is pid itself.
        Assert.True(hostExec.NamespacePid is null, $"a host process has no nspid: {hostExec.Line}");
        var containerExec = execs[^1];
        AssertIn(container, containerExec);
        Assert.True(containerExec.NamespacePid == printedPid, $"the process printed $$={printedPid}: {containerExec.Line}");
        Assert.Equal(printedPid, TracedExec.NamespacePidOnHost(containerExec.Pid));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Two_containers_execs_are_each_named_after_their_own_container(string source)
    {
        await using var podman = await Podman.StartAsync();
        var first = await podman.RunAsync("a");
        var second = await podman.RunAsync("b");
        var inFirst = NewMarker("a");
        var inSecond = NewMarker("b");

        await using var exectrace = await TraceAsync(source, "--json");
        await podman.HoldAsync(first, inFirst);
        await podman.HoldAsync(second, inSecond);
        var execs = await ReadExecsUntilAsync(exectrace, inSecond);

        AssertIn(first, execs.Single(e => e.Runs(inFirst)));
        AssertIn(second, execs.Single(e => e.Runs(inSecond)));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Users_are_named_by_each_processs_own_passwd_in_json(string source)
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("users");
        var onHost = NewMarker("host");
        var inContainer = NewMarker("container");
        // What the host's passwd names this test's own uid (root in CI).
        var hostUser = Environment.UserName;

        await using var exectrace = await TraceAsync(source, "--json", "-u");
        using var host = HeldProcess.Start(onHost);
        await podman.HoldAsync(container, inContainer, user: Podman.ContainerUserId.ToString(CultureInfo.InvariantCulture));
        var execs = await ReadExecsUntilAsync(exectrace, inContainer);
        await host.ReleaseAsync();

        var containerExec = execs[^1];
        Assert.True(containerExec.Uid == Podman.ContainerUserId, containerExec.Line);
        Assert.True(containerExec.User == Podman.ContainerUser, containerExec.Line);
        var hostExec = execs.Single(e => e.Runs(onHost));
        Assert.True(hostExec.User == hostUser, $"expected {hostUser}: {hostExec.Line}");
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task The_first_exec_in_a_container_keeps_its_namespace_pid_and_user_while_the_engine_is_asked(string source)
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("first");
        var marker = NewMarker("first");

        // A fresh exectrace has not named this container yet: its first exec waits for the engine (cold, it takes a
        // good part of a second here). The process lives 0.3 s, ample for /proc, not for that; it is not held.
        await using var exectrace = await TraceAsync(source, "--json", "-u");
        var run = await podman.ExecAsync(container, ["/bin/sh", "-c", "echo $$; id -un; sleep 0.3", marker]);
        var exec = (await ReadExecsUntilAsync(exectrace, marker))[^1];

        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = run.Output.Split('\n');
        AssertIn(container, exec);
        Assert.True(exec.NamespacePid == int.Parse(printed[0], CultureInfo.InvariantCulture), $"the process printed $$={printed[0]}: {exec.Line}");
        Assert.True(exec.User == printed[1], $"the process printed id -un={printed[1]}: {exec.Line}");
    }
}
