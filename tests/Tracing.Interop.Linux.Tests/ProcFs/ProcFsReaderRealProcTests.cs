using System.Diagnostics;
using System.Globalization;
using Tracing.Linux.ProcFs;
using Tracing.Ports;

namespace Tracing.Linux.Tests.ProcFs;

public class ProcFsReaderRealProcTests
{
    private readonly ProcFsReader _reader = new();
    private readonly int _pid = Environment.ProcessId;

    [Fact]
    public void Current_process_id_is_this_process()
    {
        Assert.Equal(Environment.ProcessId, _reader.CurrentProcessId);
    }

    [Fact]
    public void The_command_name_alone_is_the_one_stat_shows()
    {
        var reader = new ProcFsReader();

        Assert.True(reader.TryReadStat(Environment.ProcessId, out var stat));
        Assert.True(reader.TryReadCommandName(Environment.ProcessId, out var name));
        Assert.Equal(stat.CommandName, name);
    }

    [Fact]
    public void Reads_own_arguments()
    {
        Assert.True(_reader.TryReadArguments(_pid, out var arguments));

        Assert.NotEqual(0, arguments.Count);
        Assert.Equal(File.ReadAllBytes("/proc/self/cmdline"), arguments.RawBytes.ToArray());
    }

    [Fact]
    public void Reads_own_environment_as_exec_gave_it()
    {
        Assert.True(_reader.TryReadEnvironment(_pid, out var environment));

        Assert.Equal(File.ReadAllBytes("/proc/self/environ"), environment.RawBytes.ToArray());
    }

    [Fact]
    public void Reads_own_executable_as_the_host_path()
    {
        Assert.True(_reader.TryReadExecutablePath(_pid, out var exe));

        Assert.Equal(Environment.ProcessPath, exe);
    }

    [Fact]
    public void Reads_own_working_directory()
    {
        Assert.True(_reader.TryReadWorkingDirectory(_pid, out var cwd));

        Assert.Equal(Environment.CurrentDirectory, cwd);
    }

    [Fact]
    public void Reads_own_stat_matching_status()
    {
        Assert.True(_reader.TryReadStat(_pid, out var stat, out var startTime));

        Assert.Equal(_pid, stat.Pid);
        Assert.Equal(int.Parse(StatusField("PPid"), CultureInfo.InvariantCulture), stat.ParentPid);
        Assert.Equal(File.ReadAllText("/proc/self/comm").TrimEnd('\n'), stat.CommandName);
        Assert.Contains(stat.State, "RS");
        Assert.NotEqual(0UL, startTime);
    }

    [Fact]
    public void Reads_own_credentials_matching_status()
    {
        var uids = StatusField("Uid").Split('\t');

        Assert.True(_reader.TryReadCredentials(_pid, out var credentials));

        Assert.Equal(uint.Parse(uids[0], CultureInfo.InvariantCulture), credentials.RealUid);
        Assert.Equal(uint.Parse(uids[1], CultureInfo.InvariantCulture), credentials.EffectiveUid);
    }

    [Fact]
    public void Reads_own_cgroups()
    {
        var expected = File.ReadAllLines("/proc/self/cgroup").Select(line => line.Split(':', 3)).Select(f => new CgroupMembership(f[1], f[2]));

        Assert.True(_reader.TryReadCgroups(_pid, out var cgroups));

        Assert.Equal(expected, cgroups);
    }

    [Fact]
    public void Enumerates_this_process_and_init()
    {
        var pids = _reader.EnumerateProcessIds().ToHashSet();

        Assert.Contains(_pid, pids);
        Assert.Contains(1, pids);
    }

    [Fact]
    public void Reaped_child_gives_false_everywhere()
    {
        int pid;
        using (var child = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            pid = child.Id;
            child.WaitForExit();
        }

        Assert.False(_reader.TryReadArguments(pid, out _));
        Assert.False(_reader.TryReadExecutablePath(pid, out _));
        Assert.False(_reader.TryReadWorkingDirectory(pid, out _));
        Assert.False(_reader.TryReadStat(pid, out _));
        Assert.False(_reader.TryReadCredentials(pid, out _));
        Assert.False(_reader.TryReadCgroups(pid, out _));
    }

    private static string StatusField(string name) =>
        File.ReadLines("/proc/self/status").Single(line => line.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
}
