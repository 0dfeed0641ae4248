using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Linux;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests.Tracer;

public class LongArgvKernelTests
{
    // 2 MB of argv over many pages, and /bin/true gone a moment after its exec.
    private static readonly string[] s_argv = [.. Enumerable.Range(0, 20).Select(i => new string((char)('a' + i), 100_000)), "END"];

    [Fact]
    public async Task A_long_argv_of_a_process_that_exits_at_once_is_whole_or_said_to_be_missing_never_cut()
    {
        // The proc connector reads cmdline after the exec: the read may race the exit. Whatever the race gives, a cut
        // argv must never pass for a whole one.
        var whole = 0;
        for (var run = 0; run < 8; run++)
        {
            var exec = await RunAsync(ExecTracingSource.ProcConnector, null);
            if (exec.ArgvSource == ArgvSource.Complete)
            {
                Assert.Equal(["/bin/true", .. s_argv], exec.Arguments.Strings);
                whole++;
            }
        }

        Assert.True(whole > 0, "no run read the argv whole");
    }

    [Fact]
    public async Task With_eBPF_a_long_argv_of_a_process_that_exits_at_once_is_whole_every_time()
    {
        // Captured in the kernel at the exec: no race. The limit is raised to its largest, which 2 MB fits.
        for (var run = 0; run < 4; run++)
        {
            var exec = await RunAsync(ExecTracingSource.Bpf, new BpfSourceOptions { MaxArgumentBytes = BpfSourceOptions.MaxArgumentBytesLimit });
            Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
            Assert.Equal(["/bin/true", .. s_argv], exec.Arguments.Strings);
        }
    }

    [Fact]
    public async Task With_eBPF_an_argv_past_the_limit_of_a_process_that_exits_at_once_is_its_exact_beginning_flagged_truncated()
    {
        const int limit = 64 * 1024;
        var exec = await RunAsync(ExecTracingSource.Bpf, new BpfSourceOptions { MaxArgumentBytes = limit });

        // Whole if /proc still had it, else the first 64 KiB of the NUL-separated argv, said to be cut.
        var expected = System.Text.Encoding.UTF8.GetBytes(string.Join('\0', ["/bin/true", .. s_argv]) + "\0");
        if (exec.ArgvSource == ArgvSource.Complete)
        {
            Assert.Equal(["/bin/true", .. s_argv], exec.Arguments.Strings);
            return;
        }

        Assert.Equal(ArgvSource.Truncated, exec.ArgvSource);
        Assert.Equal(ProcessArguments.FromNulSeparated(expected.AsSpan(0, limit)).Strings, exec.Arguments.Strings);
    }

    private static async Task<ExecEvent> RunAsync(ExecTracingSource source, BpfSourceOptions? bpf)
    {
        await using var tracer = new KernelTracer(
            ExecTraceFilter.RunCommand(new CommandSpec("/bin/true", s_argv)),
            includeExits: false,
            source: source,
            services: bpf is null ? null : s => s.Configure<BpfSourceOptions>(o => (o.MaxArgumentBytes, o.RingBufferBytes) = (bpf.MaxArgumentBytes, bpf.RingBufferBytes)));
        await tracer.Tracer.StartAsync();
        Assert.Equal(0, await tracer.Tracer.WaitForCommandAsync());
        await tracer.Tracer.StopAsync();
        return Assert.Single(tracer.Execs);
    }
}
