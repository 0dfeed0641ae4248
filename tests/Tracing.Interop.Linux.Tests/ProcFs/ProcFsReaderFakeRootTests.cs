using System.Runtime.Versioning;
using System.Text;
using Tracing.Linux.ProcFs;
using Tracing.Ports;

namespace Tracing.Linux.Tests.ProcFs;

public sealed class ProcFsReaderFakeRootTests : IDisposable
{
    private const int Pid = 4321;
    private readonly FakeProcRoot _root = new();
    private readonly ProcFsReader _reader;

    public ProcFsReaderFakeRootTests() => _reader = new ProcFsReader(_root.Path);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Reads_stat_with_a_tricky_command_name()
    {
        _root.WriteFile(Pid, "stat", $"{Pid} (a) (b\nc d) S 17 {Pid} {Pid} 0 -1 4194304 1 0 0 0 0 0 0 0 20 0 1 0 31337 0 0\n");

        Assert.True(_reader.TryReadStat(Pid, out var stat, out var startTime));

        Assert.Equal(new ProcessStat(Pid, 17, "a) (b\nc d", 'S'), stat);
        Assert.Equal(31337UL, startTime);
    }

    [Theory]
    [InlineData("bash\n", "bash")]
    [InlineData("a b\nc\n", "a b\nc")] // prctl(PR_SET_NAME) allows a newline in the name: only the last one ends it.
    [InlineData("\n", "")]
    public void Reads_the_command_name_alone(string content, string expected)
    {
        _root.WriteFile(Pid, "comm", content);

        Assert.True(_reader.TryReadCommandName(Pid, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cut short")]
    public void A_command_name_without_its_newline_is_not_trusted(string content)
    {
        _root.WriteFile(Pid, "comm", content);

        Assert.False(_reader.TryReadCommandName(Pid, out var name));
        Assert.Null(name);
    }

    [Fact]
    public void No_command_name_for_a_gone_process()
    {
        Assert.False(_reader.TryReadCommandName(Pid + 1, out _));
    }

    [Fact]
    public void Reads_credentials_and_cgroups()
    {
        _root.WriteFile(Pid, "status", "Name:\tx\nUid:\t1000\t1001\t1000\t1000\n");
        _root.WriteFile(Pid, "cgroup", "4:memory:/docker/abc\n1:name=systemd:/a:b\n0::/\n");

        Assert.True(_reader.TryReadCredentials(Pid, out var credentials));
        Assert.True(_reader.TryReadCgroups(Pid, out var cgroups));

        Assert.Equal(new ProcessCredentials(1000, 1001), credentials);
        Assert.Equal([new CgroupMembership("memory", "/docker/abc"), new CgroupMembership("name=systemd", "/a:b"), new CgroupMembership("", "/")], cgroups);
    }

    [Fact]
    public void Reads_arguments_with_empty_ones()
    {
        _root.WriteFile(Pid, "cmdline", "sh\0-c\0\0echo hi\0");

        Assert.True(_reader.TryReadArguments(Pid, out var arguments));

        Assert.Equal(["sh", "-c", "", "echo hi"], arguments.Strings);
    }

    [Fact]
    public void Reads_arguments_without_trailing_nul()
    {
        // A process that rewrote its argv (setproctitle) may leave no NUL at the end.
        _root.WriteFile(Pid, "cmdline", "nginx: worker process");

        Assert.True(_reader.TryReadArguments(Pid, out var arguments));

        Assert.Equal(["nginx: worker process"], arguments.Strings);
    }

    [Fact]
    public void Empty_cmdline_has_no_arguments()
    {
        _root.WriteFile(Pid, "cmdline", string.Empty);

        Assert.False(_reader.TryReadArguments(Pid, out var arguments));
        Assert.Null(arguments);
    }

    [Fact]
    public void Reads_arguments_longer_than_one_mebibyte()
    {
        var expected = Enumerable.Range(0, 100_000).Select(i => $"argument-{i:D6}").ToArray();
        var bytes = Encoding.UTF8.GetBytes(string.Join('\0', expected) + "\0");
        Assert.True(bytes.Length > 1024 * 1024);
        _root.WriteFile(Pid, "cmdline", bytes);

        Assert.True(_reader.TryReadArguments(Pid, out var arguments));

        Assert.Equal(bytes, arguments.RawBytes.ToArray());
        Assert.Equal(expected, arguments.Strings);
    }

    [Fact]
    public void Reads_links_as_the_kernel_shows_them()
    {
        _root.Link(Pid, "exe", "/usr/bin/python3.12 (deleted)");
        _root.Link(Pid, "cwd", "/home/me/dir with spaces");

        Assert.True(_reader.TryReadExecutablePath(Pid, out var exe));
        Assert.True(_reader.TryReadWorkingDirectory(Pid, out var cwd));

        Assert.Equal("/usr/bin/python3.12 (deleted)", exe);
        Assert.Equal("/home/me/dir with spaces", cwd);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(3000)]
    public void Reads_link_targets_longer_than_the_first_buffer(int length)
    {
        var target = "/" + new string('d', length - 1);
        _root.Link(Pid, "cwd", target);

        Assert.True(_reader.TryReadWorkingDirectory(Pid, out var cwd));

        Assert.Equal(target, cwd);
    }

    [Fact]
    public void Missing_pid_directory_gives_false_everywhere()
    {
        Assert.False(_reader.TryReadArguments(Pid, out _));
        Assert.False(_reader.TryReadExecutablePath(Pid, out _));
        Assert.False(_reader.TryReadWorkingDirectory(Pid, out _));
        Assert.False(_reader.TryReadStat(Pid, out _));
        Assert.False(_reader.TryReadStat(Pid, out _, out _));
        Assert.False(_reader.TryReadCredentials(Pid, out _));
        Assert.False(_reader.TryReadCgroups(Pid, out var cgroups));
        Assert.Null(cgroups);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Pid_that_cannot_exist_gives_false(int pid)
    {
        Assert.False(_reader.TryReadStat(pid, out _));
        Assert.False(_reader.TryReadExecutablePath(pid, out _));
    }

    [Fact]
    public void A_directory_where_a_file_belongs_gives_false()
    {
        Directory.CreateDirectory(Path.Join(_root.PidDirectory(Pid), "stat"));

        Assert.False(_reader.TryReadStat(Pid, out _));
    }

    [Fact]
    public void A_file_where_a_link_belongs_gives_false()
    {
        _root.WriteFile(Pid, "exe", "not a link");

        Assert.False(_reader.TryReadExecutablePath(Pid, out _));
    }

    [Fact]
    public void A_link_loop_gives_false()
    {
        _root.Link(Pid, "stat", "stat");

        Assert.False(_reader.TryReadStat(Pid, out _));
    }

    [Fact]
    public void Malformed_content_gives_false()
    {
        _root.WriteFile(Pid, "stat", "garbage");
        _root.WriteFile(Pid, "status", "Name:\tx\n");
        _root.WriteFile(Pid, "cgroup", "nonsense\n");

        Assert.False(_reader.TryReadStat(Pid, out _));
        Assert.False(_reader.TryReadCredentials(Pid, out _));
        Assert.False(_reader.TryReadCgroups(Pid, out _));
    }

    [Fact]
    public void Enumerates_only_numeric_directories()
    {
        foreach (var pid in new[] { 1, 42, 65536 })
        {
            _root.PidDirectory(pid);
        }

        Directory.CreateDirectory(Path.Join(_root.Path, "sys"));
        Directory.CreateDirectory(Path.Join(_root.Path, "0"));
        Directory.CreateDirectory(Path.Join(_root.Path, "+7"));
        Directory.CreateDirectory(Path.Join(_root.Path, "99999999999"));
        File.WriteAllText(Path.Join(_root.Path, "77"), string.Empty);
        File.CreateSymbolicLink(Path.Join(_root.Path, "self"), "42");

        Assert.Equal([1, 42, 65536], _reader.EnumerateProcessIds().Order());
    }

    [Fact]
    public void Enumerating_a_missing_root_throws()
    {
        var reader = new ProcFsReader(Path.Join(_root.Path, "absent"));

        Assert.Throws<DirectoryNotFoundException>(() => reader.EnumerateProcessIds().ToList());
    }

    [Fact]
    public void Root_with_trailing_slash_reads_the_same()
    {
        _root.WriteFile(Pid, "cmdline", "x\0");

        Assert.True(new ProcFsReader(_root.Path + "/").TryReadArguments(Pid, out var arguments));

        Assert.Equal(["x"], arguments.Strings);
    }

    [Fact]
    public void Root_longer_than_the_stack_path_buffer_works()
    {
        var deep = Path.Join(_root.Path, new string('p', 200), new string('q', 200));
        Directory.CreateDirectory(Path.Join(deep, "9"));
        File.WriteAllText(Path.Join(deep, "9", "stat"), "9 (deep) R 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 0 0\n");

        Assert.True(new ProcFsReader(deep).TryReadStat(9, out var stat));

        Assert.Equal("deep", stat.CommandName);
    }

    [Fact]
    public void Empty_root_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ProcFsReader(string.Empty));
    }
}
