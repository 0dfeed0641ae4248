using System.Text.Json;
using Tracing.Darwin.KinfoProc;
using Tracing.Darwin.Polling;

namespace Tracing.Darwin.Tests;

public class DarwinProcessInfoReaderTests
{
    private static ProcessSnapshotStore StoreOf(params byte[][] records)
    {
        var store = new ProcessSnapshotStore();
        store.Publish(records.Select(r => KinfoProcDecoder.TryDecode(r, out var d) ? d : throw new InvalidOperationException()).ToDictionary(r => r.Pid));
        return store;
    }

    [Fact]
    public void Stat_and_credentials_come_from_the_poll_even_once_the_process_is_gone()
    {
        var reader = new DarwinProcessInfoReader(StoreOf(KinfoProcBuilder.Record(42, 7, "git", 100, ruid: 0, euid: 501)), new FakeKernel().Sysctl);

        Assert.True(reader.TryReadStat(42, out var stat));
        Assert.Equal((42, 7, "git", 'R'), (stat.Pid, stat.ParentPid, stat.CommandName, stat.State));
        Assert.True(reader.TryReadCredentials(42, out var credentials));
        Assert.Equal((0u, 501u), (credentials.RealUid, credentials.EffectiveUid));
    }

    [Fact]
    public void Stat_falls_back_to_kern_proc_pid()
    {
        var reader = new DarwinProcessInfoReader(new ProcessSnapshotStore(), new FakeKernel { Table = KinfoProcBuilder.Record(42, 7, "git", 100, stat: 5) }.Sysctl);

        Assert.True(reader.TryReadStat(42, out var stat));
        Assert.True(stat.IsZombie);
        Assert.False(reader.TryReadStat(43, out _));
    }

    [Fact]
    public void Argv_and_the_absolute_exec_path_come_from_procargs2()
    {
        var record = KinfoProcBuilder.Record(42, 7, "git", 100);
        var kernel = new FakeKernel { Table = record };
        kernel.Arguments[42] = ProcArgs2Builder.Buffer("/usr/bin/git", ["git", "commit", "-m", "first commit"], "PATH=/usr/bin:/bin");
        var reader = new DarwinProcessInfoReader(StoreOf(record), kernel.Sysctl);

        Assert.True(reader.TryReadArguments(42, out var arguments));
        Assert.Equal(["git", "commit", "-m", "first commit"], arguments.Strings);
        Assert.True(reader.TryReadExecutablePath(42, out var path));
        Assert.Equal("/usr/bin/git", path);
    }

    [Fact]
    public void The_environment_comes_from_procargs2_after_argv_only_when_bounded()
    {
        var record = KinfoProcBuilder.Record(42, 7, "git", 100);
        var kernel = new FakeKernel { Table = record };
        kernel.Arguments[42] = ProcArgs2Builder.WithAppleStrings("/usr/bin/git", ["git"u8.ToArray()], ["PATH=/bin"u8.ToArray()], "stack_guard=0x1");
        kernel.Arguments[43] = ProcArgs2Builder.Buffer("/bin/sleep", ["sleep", "30"]);
        var reader = new DarwinProcessInfoReader(StoreOf(record), kernel.Sysctl);

        Assert.True(reader.TryReadEnvironment(42, out var environment));
        Assert.Equal(["PATH=/bin"], environment.Strings);
        Assert.False(reader.TryReadEnvironment(43, out var omitted));
        Assert.Null(omitted);
    }

    public static TheoryData<string> ProcArgs2Files => DarwinFixtures.Entries("procargs2");

    [Theory]
    [MemberData(nameof(ProcArgs2Files))]
    public void Argv_of_every_procargs2_answer_and_only_an_absolute_exec_path(string file)
    {
        var expected = DarwinFixtures.Expected["procargs2"]![file]!;
        var record = KinfoProcBuilder.Record(42, 7, "x", 100);
        var kernel = new FakeKernel { Table = record };
        kernel.Arguments[42] = DarwinFixtures.Read(file);
        var reader = new DarwinProcessInfoReader(StoreOf(record), kernel.Sysctl);

        var hasArguments = reader.TryReadArguments(42, out var arguments);
        var hasPath = reader.TryReadExecutablePath(42, out var path);

        if (expected.GetValueKind() == JsonValueKind.String)
        {
            Assert.False(hasArguments || hasPath, $"{file} cannot be decoded: neither argv nor a path");
            return;
        }

        Assert.True(hasArguments);
        Assert.Equal(expected["argv"]!.AsArray().Select(a => (string)a!), arguments!.Strings);
        var execPath = (string)expected["exec_path"]!;
        Assert.Equal(execPath.StartsWith('/') ? execPath : null, hasPath ? path : null);
    }

    [Fact]
    public void A_relative_exec_path_is_not_reported_as_the_executable()
    {
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Record(42, 7, "a.out", 100) };
        kernel.Arguments[42] = ProcArgs2Builder.Buffer("./a.out", ["./a.out", "x"]);

        Assert.False(new DarwinProcessInfoReader(null, kernel.Sysctl).TryReadExecutablePath(42, out _));
    }

    [Fact]
    public void Argv_of_a_later_incarnation_is_not_attributed_to_the_polled_one()
    {
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Record(42, 1, "vim", 999) };
        kernel.Arguments[42] = ProcArgs2Builder.Buffer("/usr/bin/git", ["git", "commit", "-m", "first commit"], "PATH=/usr/bin:/bin");
        var reader = new DarwinProcessInfoReader(StoreOf(KinfoProcBuilder.Record(42, 7, "git", 100)), kernel.Sysctl);

        Assert.False(reader.TryReadArguments(42, out _));
    }

    [Fact]
    public void Another_users_process_gives_false_not_an_exception()
    {
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Record(42, 1, "WindowServer", 100, ruid: 88, euid: 88) };
        var reader = new DarwinProcessInfoReader(null, kernel.Sysctl);

        Assert.False(reader.TryReadArguments(42, out _));
        Assert.False(reader.TryReadExecutablePath(42, out _));
    }

    [Fact]
    public void No_working_directory_and_no_cgroups_on_macOS()
    {
        var reader = new DarwinProcessInfoReader(null, new FakeKernel().Sysctl);

        Assert.False(reader.TryReadWorkingDirectory(1, out _));
        Assert.False(reader.TryReadCgroups(1, out _));
    }

    [Fact]
    public void Process_ids_are_listed_afresh()
    {
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Table(KinfoProcBuilder.Record(1, 0, "launchd", 1), KinfoProcBuilder.Record(9, 1, "x", 2)) };

        Assert.Equal([1, 9], new DarwinProcessInfoReader(null, kernel.Sysctl).EnumerateProcessIds());
    }

    [Fact]
    public void Without_a_sysctl_off_macOS_the_backend_refuses_clearly()
    {
        if (OperatingSystem.IsMacOS())
        {
            Assert.NotNull(new DarwinProcessInfoReader());
            return;
        }

        Assert.Throws<PlatformNotSupportedException>(() => new DarwinProcessInfoReader());
        Assert.Throws<PlatformNotSupportedException>(() => new DarwinPollingEventSource());
    }
}
