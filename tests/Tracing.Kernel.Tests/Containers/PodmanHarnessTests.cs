using System.Globalization;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>The harness itself, against real containers: what the container tests build on works here.</summary>
public class PodmanHarnessTests
{
    [Fact]
    public async Task A_container_runs_with_its_init_pid_one_in_its_namespace_and_in_its_own_cgroup()
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("init");

        var status = await File.ReadAllLinesAsync($"/proc/{container.InitPid}/status");
        Assert.EndsWith("\t1", status.Single(l => l.StartsWith("NSpid:", StringComparison.Ordinal)), StringComparison.Ordinal);
        var cgroup = await File.ReadAllTextAsync($"/proc/{container.InitPid}/cgroup");
        Assert.Contains(container.Id, cgroup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_returns_the_exit_code_stdout_and_stderr()
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("exec");

        var result = await podman.ExecAsync(container, ["/bin/sh", "-c", "echo out; echo err >&2; exit 3"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("out", result.Output);
        Assert.Equal("err", result.Errors.Trim());
    }

    [Fact]
    public async Task A_started_exec_signals_it_runs_and_ends_when_released()
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("held");

        using var exec = podman.StartExec(container, ["/bin/sh", "-c", "echo ready; read x; echo got $x; exit 4"]);
        await exec.Lines.FirstAsync(l => l == "ready", Podman.Bound);
        var running = await podman.ExecAsync(container, ["/bin/ps", "-o", "args"]);
        Assert.Contains("/bin/sh -c echo ready; read x", running.Output, StringComparison.Ordinal);
        await exec.Input.WriteLineAsync("go");
        var result = await exec.WaitAsync(Podman.Bound);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal("ready\ngot go", result.Output);
    }

    [Fact]
    public async Task The_container_user_exists_only_in_the_container()
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("user");

        var inside = await podman.ExecAsync(container, ["/bin/id", "-un"], user: Podman.ContainerUserId.ToString(CultureInfo.InvariantCulture));
        var host = await BoundedProcess.RunAsync("getent", ["passwd", Podman.ContainerUserId.ToString(CultureInfo.InvariantCulture)], Podman.Bound);

        Assert.True(inside.ExitCode == 0, inside.ToString());
        Assert.Equal(Podman.ContainerUser, inside.Output);
        Assert.True(host.ExitCode == 2, $"getent passwd {Podman.ContainerUserId} on the host: {host}"); // 2: no such key
    }

    [Fact]
    public async Task A_stopped_container_is_gone()
    {
        await using var podman = await Podman.StartAsync();
        var container = await podman.RunAsync("stopped");

        await podman.StopAsync(container);

        var exists = await BoundedProcess.RunAsync("podman", ["container", "exists", container.Id], Podman.Bound);
        Assert.True(exists.ExitCode == 1, exists.ToString());
        Assert.False(Directory.Exists($"/proc/{container.InitPid}") && File.ReadAllText($"/proc/{container.InitPid}/cgroup").Contains(container.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_program_runs_inside_a_container_and_sees_the_container_files()
    {
        await using var podman = await Podman.StartAsync();

        // /usr/bin/cat is the host's, linked against the host's libc; /etc/passwd is the image's.
        var result = await podman.RunHostProgramAsync(["/usr/bin/cat", "/etc/passwd"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{Podman.ContainerUser}:x:{Podman.ContainerUserId}:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_and_exectrace_run_inside_a_container()
    {
        await using var podman = await Podman.StartAsync();

        var info = await podman.RunHostProgramAsync([Podman.DotnetHost, "--info"]);
        var help = await podman.RunExectraceAsync(["--help"], ["--user", Podman.ContainerUserId.ToString(CultureInfo.InvariantCulture)]);

        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Contains("Microsoft.NETCore.App", info.Output, StringComparison.Ordinal);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("exectrace", help.Output, StringComparison.Ordinal);
    }
}
