using System.Globalization;
using Tracing.Kernel.Tests.Cli;

namespace Tracing.Kernel.Tests.Containers;

/// <summary><c>--container NAME|ID</c>: a container's processes, <c>podman exec</c>'d ones too, and nothing else.</summary>
public partial class ExectraceContainerTests
{
    [Theory]
    [InlineData("bpf", false)]
    [InlineData("proc-connector", false)]
    [InlineData("bpf", true)]
    [InlineData("proc-connector", true)]
    public async Task A_container_by_name_or_id_prefix_reports_its_exec_once_with_container_and_namespace_pid_and_no_host_exec(string source, bool byIdPrefix)
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("traced");
        var marker = NewMarker("inside");
        var host = NewMarker("host");
        var sentinel = NewMarker("sentinel");

        await using var exectrace = await TraceAsync(source, "--json", "--container", byIdPrefix ? container.Id[..12] : container.Name);
        var (_, printedPid) = await podman.HoldAsync(container, marker);
        var exec = (await ReadExecsUntilAsync(exectrace, marker))[^1];

        Assert.Equal(["/bin/sh", "-c", "echo $$; read x", marker], exec.Argv);
        AssertIn(container, exec);
        Assert.True(exec.NamespacePid == printedPid, $"the process printed $$={printedPid}: {exec.Line}");
        // Held, so still there: the host pid reported is the process whose innermost pid is the one it printed.
        Assert.NotEqual(printedPid, exec.Pid);
        Assert.Equal(printedPid, TracedExec.NamespacePidOnHost(exec.Pid));

        // A host process execs, alive so its argv could be read; then a container exec, which proves exectrace read past it.
        using var outsider = HeldProcess.Start(host);
        await podman.HoldAsync(container, sentinel);
        var execs = await ReadExecsUntilAsync(exectrace, sentinel);
        await outsider.ReleaseAsync();

        Assert.Single(execs, e => e.Runs(marker));
        Assert.DoesNotContain(execs, e => e.Argv.Contains(host) || e.Pid == outsider.Pid);
        Assert.All(execs, e => AssertIn(container, e));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Of_two_containers_only_the_traced_ones_execs_are_reported(string source)
    {
        await using var podman = await Podman.StartAsync();
        var traced = await podman.RunAsync("a");
        var other = await podman.RunAsync("b");
        var inOther = NewMarker("other");
        var sentinel = NewMarker("sentinel");

        await using var exectrace = await TraceAsync(source, "--json", "--container", traced.Name);
        // The other container's exec has happened when it prints; the sentinel comes after it.
        await podman.HoldAsync(other, inOther);
        await podman.HoldAsync(traced, sentinel);
        var execs = await ReadExecsUntilAsync(exectrace, sentinel);

        Assert.DoesNotContain(execs, e => e.Argv.Contains(inOther));
        Assert.All(execs, e => AssertIn(traced, e));
        Assert.DoesNotContain(execs, e => e.Line.Contains(other.Id, StringComparison.Ordinal) || e.Line.Contains(other.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_container_user_is_named_by_the_containers_passwd_in_text(string source)
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("user");
        var marker = NewMarker("user");
        var uid = Podman.ContainerUserId.ToString(CultureInfo.InvariantCulture);

        await using var exectrace = await TraceAsync(source, "-u", "--container", container.Name);
        var (_, printedPid) = await podman.HoldAsync(container, marker, user: uid);
        var line = (await exectrace.ReadUntilAsync(l => l.EndsWith($" {marker}", StringComparison.Ordinal)))[^1];

        // 12:00:00.000 PID [name] ppid=PPID uid=4242(ctruser) /bin/sh -c 'echo $$; read x' MARKER
        Assert.Contains($" [{container.Name}] ppid=", line, StringComparison.Ordinal);
        Assert.Contains($" uid={uid}({Podman.ContainerUser}) /bin/sh -c 'echo $$; read x' {marker}", line, StringComparison.Ordinal);
        var pid = int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.Equal(printedPid, TracedExec.NamespacePidOnHost(pid));
    }
}
