using Tracing.Kernel.Tests.Netlink;
using Tracing.Linux.Bpf;
using Tracing.Linux.Bpf.Attachments;
using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// A classic tracepoint program on syscalls:sys_enter_execve, attached through one perf event opened on CPU 0 for
/// every process: execs pinned to each CPU this process may use (taskset, which then execs /bin/true) all arrive.
/// </summary>
public sealed class BpfTracepointAttachTests
{
    private const long Marker = 0x0E0E_C0DE_1717_0017;

    [Fact]
    public void An_exec_on_every_allowed_CPU_arrives_through_one_attachment()
    {
        using var ring = BpfRingBuffer.Create("exec_ring", 256 * 1024);
        using var program = BpfProgramLoader.Load(BpfProgramType.Tracepoint, RingPrograms.PidTgidCpuAndMarker(ring.Map.Fd, Marker));
        using var attachment = TracepointAttacher.Attach(program, "syscalls", "sys_enter_execve");
        Assert.Equal("tracepoint:syscalls:sys_enter_execve", attachment.Hook);

        foreach (var cpu in AllowedCpus.Read())
        {
            var pid = ForkedTrue.Run("/usr/bin/taskset", "-c", cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), "/bin/true");

            var record = RingReader.WaitFor(
                ring,
                r => r.Length == 24 && RingReader.U64(r, 0) >> 32 == pid && RingReader.U64(r, 1) == cpu,
                $"for the exec of /bin/true by {pid} on CPU {cpu}");
            Assert.Equal(Marker, RingReader.U64(record, 2));
        }
    }

    [Fact]
    public void A_tracepoint_the_kernel_lacks_is_named_in_the_error()
    {
        using var ring = BpfRingBuffer.Create("exec_ring2", 4096);
        using var program = BpfProgramLoader.Load(BpfProgramType.Tracepoint, RingPrograms.PidTgidAndMarker(ring.Map.Fd, Marker));

        var error = Assert.Throws<IOException>(() => TracepointAttacher.Attach(program, "syscalls", "sys_enter_nothing_17"));

        Assert.Contains("syscalls:sys_enter_nothing_17", error.Message, StringComparison.Ordinal);
    }
}
