using System.Text;
using Tracing.Events;
using Tracing.OpenTelemetry.Records;
using Tracing.OpenTelemetry.Tests.Fakes;
using Tracing.Signals;

namespace Tracing.OpenTelemetry.Tests.Records;

public sealed class ProcessTagsTests
{
    private static readonly byte[] s_badPath = [.. "/opt/caf"u8, 0xE9, .. "/run"u8];
    private static readonly byte[] s_badDirectory = [.. "/home/"u8, 0xFF, 0xFE];
    private static readonly byte[][] s_badArgv = [[.. "grep"u8], [.. "-e"u8], [0xC3, 0x28, (byte)'x'], [.. "f\u00FCr"u8]];

    private static readonly ExecEvent s_exec = new()
    {
        Pid = 4242,
        ParentPid = 4200,
        TracedParentPid = 4200,
        Time = DateTimeOffset.UnixEpoch.AddDays(20_000),
        ExecutablePath = "/usr/lib/gcc/x86_64-linux-gnu/14/cc1plus",
        CommandName = "cc1plus",
        Arguments = ProcessArguments.FromStrings(["cc1plus", "-quiet", "main.cpp", "-o", "main.s"]),
        ArgvSource = ArgvSource.Complete,
        WorkingDirectory = "/src/project",
        RealUid = 1000,
        EffectiveUid = 0,
        UserName = "builder",
        Cgroup = "0::/system.slice/docker-abc.scope",
        Container = new ContainerInfo(new string('a', 64), "web-1", "docker"),
        NamespacePid = 17,
    };

    private static readonly ExitEvent s_exit = new()
    {
        Pid = 4242,
        ParentPid = 4200,
        Time = DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(3),
        CommandName = "cc1plus",
        Signal = 6,
        CoreDumped = true,
        RawStatus = 0x86,
        Lifetime = TimeSpan.FromMilliseconds(2750),
        Container = new ContainerInfo(new string('b', 64), null, "podman"),
        NamespacePid = 3,
    };

    private static Dictionary<string, object?> ExecTags(ExecEvent exec, bool includeArgs, string? tracerName = null)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        ProcessTags.AddExec(tags, exec, includeArgs, tracerName);
        return Tags.ToDictionary(tags);
    }

    private static Dictionary<string, object?> ExitTags(ExitEvent exit, string? tracerName = null)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        ProcessTags.AddExit(tags, exit, tracerName);
        return Tags.ToDictionary(tags);
    }

    [Fact]
    public void An_exec_carries_every_attribute_from_the_event()
    {
        var tags = ExecTags(s_exec, includeArgs: true, tracerName: "web");

        Assert.Equal(s_exec.Pid, tags[ProcessAttributes.Pid]);
        Assert.Equal(s_exec.ParentPid, tags[ProcessAttributes.ParentPid]);
        Assert.Equal(Path.GetFileName(s_exec.ExecutablePath), tags[ProcessAttributes.ExecutableName]);
        Assert.Equal(s_exec.ExecutablePath, tags[ProcessAttributes.ExecutablePath]);
        Assert.Equal(s_exec.Arguments.Count, tags[ProcessAttributes.ArgsCount]);
        Assert.Equal(s_exec.Arguments.Strings, Assert.IsType<string[]>(tags[ProcessAttributes.CommandArgs]));
        Assert.Equal(s_exec.WorkingDirectory, tags[ProcessAttributes.WorkingDirectory]);
        Assert.Equal((long)s_exec.EffectiveUid!.Value, tags[ProcessAttributes.UserId]);
        Assert.Equal((long)s_exec.RealUid!.Value, tags[ProcessAttributes.RealUserId]);
        Assert.Equal(s_exec.UserName, tags[ProcessAttributes.RealUserName]);
        Assert.Equal(s_exec.Cgroup, tags[ProcessAttributes.Cgroup]);
        Assert.Equal(s_exec.Container!.Id, tags[ProcessAttributes.ContainerId]);
        Assert.Equal(s_exec.Container.Name, tags[ProcessAttributes.ContainerName]);
        Assert.Equal(s_exec.Container.Engine, tags[ProcessAttributes.ContainerRuntime]);
        Assert.Equal(s_exec.NamespacePid, tags[ProcessAttributes.NamespacePid]);
        Assert.Equal("web", tags[ProcessAttributes.TracerName]);

        // Valid UTF-8 and read whole: no base64 twins, no argv source.
        Assert.DoesNotContain(ProcessAttributes.CommandArgsBase64, tags.Keys);
        Assert.DoesNotContain(ProcessAttributes.ExecutablePathBase64, tags.Keys);
        Assert.DoesNotContain(ProcessAttributes.WorkingDirectoryBase64, tags.Keys);
        Assert.DoesNotContain(ProcessAttributes.ArgvSource, tags.Keys);
        Assert.Equal(16, tags.Count);
    }

    [Fact]
    public void Argv_is_carried_only_when_asked_and_its_count_always()
    {
        var tags = ExecTags(s_exec with { Arguments = ProcessArguments.FromNulSeparated(Nul(s_badArgv)) }, includeArgs: false);

        Assert.Equal(s_badArgv.Length, tags[ProcessAttributes.ArgsCount]);
        Assert.DoesNotContain(ProcessAttributes.CommandArgs, tags.Keys);
        Assert.DoesNotContain(ProcessAttributes.CommandArgsBase64, tags.Keys);
        Assert.DoesNotContain(tags.Values, v => v is string s && s.Contains("main.cpp", StringComparison.Ordinal));
    }

    [Fact]
    public void Argv_that_is_not_UTF8_has_a_base64_twin_of_exactly_its_bytes()
    {
        var tags = ExecTags(s_exec with { Arguments = ProcessArguments.FromNulSeparated(Nul(s_badArgv)) }, includeArgs: true);

        var raw = Assert.IsType<string[]>(tags[ProcessAttributes.CommandArgsBase64]);
        Assert.Equal(s_badArgv.Length, raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            Assert.Equal(s_badArgv[i], Convert.FromBase64String(raw[i]));
        }

        var text = Assert.IsType<string[]>(tags[ProcessAttributes.CommandArgs]);
        Assert.Equal(s_badArgv.Select(a => Encoding.UTF8.GetString(a)), text);
    }

    [Fact]
    public void Paths_that_are_not_UTF8_have_base64_twins_of_exactly_their_bytes()
    {
        var exec = s_exec with
        {
            ExecutablePath = Encoding.UTF8.GetString(s_badPath),
            ExecutablePathBytes = s_badPath,
            WorkingDirectory = Encoding.UTF8.GetString(s_badDirectory),
            WorkingDirectoryBytes = s_badDirectory,
        };

        var tags = ExecTags(exec, includeArgs: false);

        Assert.Equal(s_badPath, Convert.FromBase64String(Assert.IsType<string>(tags[ProcessAttributes.ExecutablePathBase64])));
        Assert.Equal(s_badDirectory, Convert.FromBase64String(Assert.IsType<string>(tags[ProcessAttributes.WorkingDirectoryBase64])));
        Assert.Equal(exec.ExecutablePath, tags[ProcessAttributes.ExecutablePath]);
        Assert.Equal(exec.WorkingDirectory, tags[ProcessAttributes.WorkingDirectory]);
    }

    [Theory]
    [InlineData(ArgvSource.CommandName, "command_name")]
    [InlineData(ArgvSource.None, "none")]
    public void Argv_that_is_not_whole_says_where_it_came_from(ArgvSource source, string expected)
    {
        var tags = ExecTags(s_exec with { ArgvSource = source }, includeArgs: false);

        Assert.Equal(expected, tags[ProcessAttributes.ArgvSource]);
    }

    [Fact]
    public void An_exec_without_its_path_is_named_by_its_command_name_and_a_host_process_has_no_container()
    {
        var exec = s_exec with { ExecutablePath = null, Container = null, NamespacePid = null, UserName = null, Cgroup = null };

        var tags = ExecTags(exec, includeArgs: false);

        Assert.Equal(exec.CommandName, tags[ProcessAttributes.ExecutableName]);
        Assert.DoesNotContain(ProcessAttributes.ExecutablePath, tags.Keys);
        Assert.DoesNotContain(tags.Keys, k => k.StartsWith("container.", StringComparison.Ordinal));
        Assert.DoesNotContain(ProcessAttributes.NamespacePid, tags.Keys);
        Assert.DoesNotContain(ProcessAttributes.TracerName, tags.Keys);
    }

    [Fact]
    public void An_exit_carries_every_attribute_from_the_event()
    {
        var tags = ExitTags(s_exit, tracerName: "ci");

        Assert.Equal(s_exit.Pid, tags[ProcessAttributes.Pid]);
        Assert.Equal(s_exit.ParentPid, tags[ProcessAttributes.ParentPid]);
        Assert.Equal(s_exit.CommandName, tags[ProcessAttributes.ExecutableName]);
        Assert.Equal(SignalNames.Get(s_exit.Signal!.Value), tags[ProcessAttributes.ExitSignal]);
        Assert.Equal(s_exit.CoreDumped, tags[ProcessAttributes.CoreDumped]);
        Assert.Equal(SignalNames.Get(s_exit.Signal.Value), tags[ProcessAttributes.ErrorType]);
        Assert.Equal(s_exit.Lifetime!.Value.TotalSeconds, tags[ProcessAttributes.Lifetime]);
        Assert.Equal(s_exit.Container!.Id, tags[ProcessAttributes.ContainerId]);
        Assert.Equal(s_exit.Container.Engine, tags[ProcessAttributes.ContainerRuntime]);
        Assert.DoesNotContain(ProcessAttributes.ContainerName, tags.Keys);
        Assert.Equal(s_exit.NamespacePid, tags[ProcessAttributes.NamespacePid]);
        Assert.Equal("ci", tags[ProcessAttributes.TracerName]);
        Assert.DoesNotContain(ProcessAttributes.ExitCode, tags.Keys);
    }

    [Fact]
    public void An_exit_with_a_code_carries_it_and_error_type_only_when_not_0()
    {
        var failed = ExitTags(s_exit with { Signal = null, CoreDumped = false, ExitCode = 3, Container = null });
        var succeeded = ExitTags(s_exit with { Signal = null, CoreDumped = false, ExitCode = 0, Container = null });

        Assert.Equal(3, failed[ProcessAttributes.ExitCode]);
        Assert.Equal("3", failed[ProcessAttributes.ErrorType]);
        Assert.DoesNotContain(ProcessAttributes.ExitSignal, failed.Keys);
        Assert.Equal(0, succeeded[ProcessAttributes.ExitCode]);
        Assert.DoesNotContain(ProcessAttributes.ErrorType, succeeded.Keys);
        Assert.DoesNotContain(ProcessAttributes.Lifetime, ExitTags(s_exit with { Lifetime = null }).Keys);
    }

    private static byte[] Nul(byte[][] argv) => [.. argv.SelectMany(a => a.Append((byte)0))];
}
