using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary><see cref="ProcFsReader.TryReadUserName"/>: through the process's own root, on a fake root and on this process.</summary>
public sealed class ProcFsReaderUserNameTests : IDisposable
{
    private const int Pid = 4321;
    private readonly FakeProcRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Names_the_uid_from_the_process_s_own_root()
    {
        var etc = Directory.CreateDirectory(Path.Join(_root.PidDirectory(Pid), "root", "etc")).FullName;
        File.WriteAllText(Path.Join(etc, "passwd"), "root:x:0:0::/:\ncontainer-user:x:1000:1000::/:\n");
        var reader = new ProcFsReader(_root.Path);

        Assert.True(reader.TryReadUserName(Pid, 1000, out var name));
        Assert.Equal("container-user", name);
        Assert.False(reader.TryReadUserName(Pid, 1001, out name));
        Assert.Null(name);
    }

    [Theory]
    [InlineData(Pid)] // gone, or no such directory
    [InlineData(0)]
    [InlineData(-1)]
    public void A_process_that_is_gone_gives_false(int pid)
    {
        Assert.False(new ProcFsReader(_root.Path).TryReadUserName(pid, 0, out var name));
        Assert.Null(name);
    }

    [Fact]
    public void This_process_s_root_is_root()
    {
        Assert.True(new ProcFsReader().TryReadUserName(Environment.ProcessId, 0, out var name));
        Assert.Equal("root", name);
    }
}
