using Tracing.Interop.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Interop.Linux.Tests.CnProc;

public class CnProcEventMapperTests
{
    [Fact]
    public void A_process_fork_names_the_child_and_its_parent()
    {
        var e = Map("feed/0004-fork.bin");

        Assert.Equal(
            new KernelEvent { Kind = KernelEventKind.Fork, TimestampNs = 463593499264, Pid = 14705, Tgid = 14705, ParentPid = 14704, ParentTgid = 14704 },
            e);
        Assert.False(e.IsThread);
    }

    [Fact]
    public void A_thread_fork_is_a_thread_whose_parent_is_its_process_parent()
    {
        var e = Map("feed/0013-fork.bin");

        Assert.Equal(KernelEventKind.Fork, e.Kind);
        Assert.Equal((14707, 14704, 14663, 14663), (e.Pid, e.Tgid, e.ParentPid, e.ParentTgid));
        Assert.True(e.IsThread);
    }

    [Fact]
    public void An_exit_keeps_the_wait_status_and_the_parent()
    {
        var e = Map("feed/0009-exit.bin");

        Assert.Equal(
            new KernelEvent
            {
                Kind = KernelEventKind.Exit, TimestampNs = 463597317744, Pid = 14705, Tgid = 14705,
                ParentPid = 14704, ParentTgid = 14704, ExitCode = 768, ExitSignal = 17,
            },
            e);
    }

    [Fact]
    public void A_thread_exit_has_exit_signal_minus_one()
    {
        var e = Map("feed/0014-exit.bin");

        Assert.Equal(KernelEventKind.Exit, e.Kind);
        Assert.Equal((14707, 14704, -1, 0), (e.Pid, e.Tgid, e.ExitSignal, e.ParentPid));
        Assert.True(e.IsThread);
    }

    [Fact]
    public void A_death_by_sigsegv_has_exit_code_11_after_its_coredump()
    {
        var coredump = Map("feed/0011-coredump.bin");
        var exit = Map("feed/0012-exit.bin");

        Assert.Equal((KernelEventKind.Coredump, 14706, 14706, 14704, 14704), (coredump.Kind, coredump.Pid, coredump.Tgid, coredump.ParentPid, coredump.ParentTgid));
        Assert.Equal((KernelEventKind.Exit, 14706, 11), (exit.Kind, exit.Pid, exit.ExitCode));
    }

    [Theory]
    [InlineData("feed/0002-exec.bin", KernelEventKind.Exec, 14704)]
    [InlineData("feed/0003-comm.bin", KernelEventKind.Comm, 14704)]
    [InlineData("feed/0007-uid.bin", KernelEventKind.Uid, 14705)]
    [InlineData("feed/0005-sid.bin", KernelEventKind.Other, 14705)]
    [InlineData("feed/0006-gid.bin", KernelEventKind.Other, 14705)]
    public void Process_events_map_to_their_kind_with_the_pid(string file, KernelEventKind kind, int pid)
    {
        var e = Map(file);

        Assert.Equal((kind, pid, pid), (e.Kind, e.Pid, e.Tgid));
        Assert.NotEqual(0, e.TimestampNs);
    }

    [Fact]
    public void Ptrace_events_map_to_other()
    {
        var file = ExpectedDatagrams.Lines.Keys.Order(StringComparer.Ordinal).First(f => f.EndsWith("-ptrace.bin", StringComparison.Ordinal));

        Assert.Equal(KernelEventKind.Other, Map(file).Kind);
    }

    [Theory]
    [InlineData("feed/0000-none.bin", 463513759542)]
    [InlineData("synth/unknown-what.bin", 463514467229)]
    public void A_subscription_reply_or_an_unknown_kind_is_not_mapped_but_keeps_its_time(string file, long timestampNs)
    {
        Assert.True(new CnProcMessageReader(CnProcFixtures.Read(file)).TryRead(out var message));

        Assert.False(CnProcEventMapper.TryToKernelEvent(message.Event, out var e));
        Assert.Equal((KernelEventKind.Other, timestampNs), (e.Kind, e.TimestampNs));
    }

    private static KernelEvent Map(string file)
    {
        var reader = new CnProcMessageReader(CnProcFixtures.Read(file));
        Assert.True(reader.TryRead(out var message));
        Assert.True(message.HasProcEvent);
        Assert.True(CnProcEventMapper.TryToKernelEvent(message.Event, out var e));
        return e;
    }
}
