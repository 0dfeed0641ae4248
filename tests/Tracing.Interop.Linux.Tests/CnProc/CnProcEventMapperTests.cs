using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>The mapper on datagrams built for each case (the recorded ones: <see cref="CnProcEventMapperFixtureTests"/>).</summary>
public class CnProcEventMapperTests
{
    [Fact]
    public void A_process_fork_names_the_child_and_its_parent()
    {
        var e = Map(CnProcDatagramBuilder.Fork(parentPid: 300, parentTgid: 300, childPid: 301, childTgid: 301, timestampNs: 463593499264));

        Assert.Equal(
            new KernelEvent { Kind = KernelEventKind.Fork, TimestampNs = 463593499264, Pid = 301, Tgid = 301, ParentPid = 300, ParentTgid = 300 },
            e);
        Assert.False(e.IsThread);
    }

    [Fact]
    public void A_thread_fork_is_a_thread_whose_parent_is_its_process_parent()
    {
        // The kernel names the process's own parent (200) in the parent fields, not the creating thread.
        var e = Map(CnProcDatagramBuilder.Fork(parentPid: 200, parentTgid: 200, childPid: 303, childTgid: 300));

        Assert.Equal(KernelEventKind.Fork, e.Kind);
        Assert.Equal((303, 300, 200, 200), (e.Pid, e.Tgid, e.ParentPid, e.ParentTgid));
        Assert.True(e.IsThread);
    }

    [Fact]
    public void An_exit_keeps_the_wait_status_and_the_parent()
    {
        var e = Map(CnProcDatagramBuilder.Exit(301, 301, exitCode: 768, exitSignal: 17, parentPid: 300, parentTgid: 300, timestampNs: 463597317744));

        Assert.Equal(
            new KernelEvent
            {
                Kind = KernelEventKind.Exit, TimestampNs = 463597317744, Pid = 301, Tgid = 301,
                ParentPid = 300, ParentTgid = 300, ExitCode = 768, ExitSignal = 17,
            },
            e);
    }

    [Fact]
    public void A_thread_exit_has_exit_signal_minus_one()
    {
        var e = Map(CnProcDatagramBuilder.Exit(303, 300, exitCode: 0, exitSignal: -1, parentPid: 0, parentTgid: 0));

        Assert.Equal(KernelEventKind.Exit, e.Kind);
        Assert.Equal((303, 300, -1, 0), (e.Pid, e.Tgid, e.ExitSignal, e.ParentPid));
        Assert.True(e.IsThread);
    }

    [Fact]
    public void A_death_by_sigsegv_has_exit_code_11_after_its_coredump()
    {
        var coredump = Map(CnProcDatagramBuilder.Coredump(302, 302, parentPid: 300, parentTgid: 300));
        var exit = Map(CnProcDatagramBuilder.Exit(302, 302, exitCode: 11, exitSignal: 17, parentPid: 300, parentTgid: 300));

        Assert.Equal((KernelEventKind.Coredump, 302, 302, 300, 300), (coredump.Kind, coredump.Pid, coredump.Tgid, coredump.ParentPid, coredump.ParentTgid));
        Assert.Equal((KernelEventKind.Exit, 302, 11), (exit.Kind, exit.Pid, exit.ExitCode));
    }

    [Theory]
    [InlineData(0x2u, KernelEventKind.Exec)]
    [InlineData(0x200u, KernelEventKind.Comm)]
    [InlineData(0x4u, KernelEventKind.Uid)]
    [InlineData(0x80u, KernelEventKind.Other)] // SID
    [InlineData(0x40u, KernelEventKind.Other)] // GID
    [InlineData(0x100u, KernelEventKind.Other)] // PTRACE
    public void Process_events_map_to_their_kind_with_the_pid(uint what, KernelEventKind kind)
    {
        var e = Map(CnProcDatagramBuilder.Event(what, 77, [301, 301, 65534, 65534]));

        Assert.Equal((kind, 301, 301, 77L), (e.Kind, e.Pid, e.Tgid, e.TimestampNs));
        Assert.Equal((0, 0), (e.ParentPid, e.ParentTgid));
    }

    [Theory]
    [InlineData(0x0u, 463513759542)] // NONE: the subscription's reply
    [InlineData(0x10000u, 463514467229)] // a `what` no header defines
    public void A_subscription_reply_or_an_unknown_kind_is_not_mapped_but_keeps_its_time(uint what, long timestampNs)
    {
        Assert.True(new CnProcMessageReader(CnProcDatagramBuilder.Event(what, timestampNs, [0, 301, 301])).TryRead(out var message));

        Assert.False(CnProcEventMapper.TryToKernelEvent(message.Event, out var e));
        Assert.Equal((KernelEventKind.Other, timestampNs), (e.Kind, e.TimestampNs));
    }

    private static KernelEvent Map(byte[] datagram)
    {
        var reader = new CnProcMessageReader(datagram);
        Assert.True(reader.TryRead(out var message));
        Assert.True(message.HasProcEvent);
        Assert.True(CnProcEventMapper.TryToKernelEvent(message.Event, out var e));
        return e;
    }
}
