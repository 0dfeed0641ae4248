using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary>
/// <see cref="ProcFsReader.TryReadNamespacePid"/> on a fake root, where the links say which namespace each process
/// is in: the status file is read only for another namespace's process (the fake has none for ours, to prove it).
/// </summary>
public sealed class ProcFsReaderNamespacePidTests : IDisposable
{
    private const int Pid = 4321;
    private const string Ours = "pid:[4026531836]";
    private readonly FakeProcRoot _root = new();
    private readonly ProcFsReader _reader;

    public ProcFsReaderNamespacePidTests()
    {
        _reader = new ProcFsReader(_root.Path);
        LinkNamespace(Environment.ProcessId, Ours);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_process_in_our_namespace_is_its_own_pid_without_reading_status()
    {
        LinkNamespace(Pid, Ours);

        Assert.True(_reader.TryReadNamespacePid(Pid, out var namespacePid));

        Assert.Equal(Pid, namespacePid);
    }

    [Fact]
    public void A_process_in_another_namespace_is_the_last_NSpid_field()
    {
        LinkNamespace(Pid, "pid:[4026532999]");
        _root.WriteFile(Pid, "status", $"Name:\tsh\nPid:\t{Pid}\nNSpid:\t{Pid}\t12\t1\n");

        Assert.True(_reader.TryReadNamespacePid(Pid, out var namespacePid));

        Assert.Equal(1, namespacePid);
    }

    [Fact]
    public void An_unreadable_link_falls_back_to_status()
    {
        // A broken link stands for one this process may not read: the status file decides.
        LinkNamespace(Pid, "garbage");
        _root.WriteFile(Pid, "status", $"NSpid:\t{Pid}\t7\n");

        Assert.True(_reader.TryReadNamespacePid(Pid, out var namespacePid));

        Assert.Equal(7, namespacePid);
    }

    [Theory]
    [InlineData(Pid)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_process_that_is_gone_gives_false(int pid)
    {
        Assert.False(_reader.TryReadNamespacePid(pid, out var namespacePid));

        Assert.Equal(0, namespacePid);
    }

    [Fact]
    public void Another_namespace_without_NSpid_gives_false()
    {
        LinkNamespace(Pid, "pid:[4026532999]");
        _root.WriteFile(Pid, "status", $"Name:\tsh\nPid:\t{Pid}\n");

        Assert.False(_reader.TryReadNamespacePid(Pid, out _));
    }

    private void LinkNamespace(int pid, string target)
    {
        Directory.CreateDirectory(Path.Join(_root.PidDirectory(pid), "ns"));
        _root.Link(pid, "ns/pid", target);
    }
}
