using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Linux;

namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>An exec's argv as the eBPF source captures it at the exec, against what native/execs.c passed.</summary>
public class BpfExecArgvKernelTests
{
    [Fact]
    public async Task An_argv_longer_than_the_limit_is_whole_or_exactly_its_first_bytes_flagged_and_one_that_fits_is_complete()
    {
        const int MaxBytes = 256;
        var marker = KernelTracer.NewMarker();

        // Two children exec /bin/true: with MaxBytes + 40 bytes of argv, then with exactly MaxBytes.
        var run = await ExecsRun.StartAsync("sizes", marker, MaxBytes, s => s.Configure<BpfSourceOptions>(o => o.MaxArgumentBytes = MaxBytes));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Record.Execs.Count);
        var (longer, fitting) = (run.Record.Execs[0], run.Record.Execs[1]);
        Assert.Equal(MaxBytes + 40, longer.Argv.Length);
        Assert.Equal(MaxBytes, fitting.Argv.Length);

        // Past the limit: read whole from /proc when the process still ran it (then exactly whole), else its exact
        // first bytes, flagged; never short and said to be whole.
        var cut = Assert.Single(run.Execs, e => e.Pid == longer.Pid);
        Assert.Equal(longer.ParentPid, cut.ParentPid);
        if (cut.ArgvSource == ArgvSource.Complete)
        {
            Assert.Equal(longer.Argv, cut.Arguments.RawBytes.ToArray());
        }
        else
        {
            Assert.Equal(ArgvSource.Truncated, cut.ArgvSource);
            Assert.Equal(ExecsRecord.Arguments(longer.Argv[..MaxBytes]), Arguments(cut));
        }

        var whole = Assert.Single(run.Execs, e => e.Pid == fitting.Pid);
        Assert.Equal(ArgvSource.Complete, whole.ArgvSource);
        Assert.Equal(fitting.Argv, whole.Arguments.RawBytes.ToArray());
    }

    [Fact]
    public async Task An_exec_by_the_32_bit_system_call_is_reported_with_its_exact_argv()
    {
        var marker = KernelTracer.NewMarker();

        // int $0x80 with eax = 11 (i386 execve) from a 64-bit program: sched_process_exec sees it as any other exec.
        var run = await ExecsRun.StartAsync("int80", marker);

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.Record.Premises.ContainsKey("int80-exec"), "the 32-bit execve failed: is IA32 emulation off?");
        var expected = Assert.Single(run.Record.Execs);
        var exec = Assert.Single(run.Execs, e => e.Pid == expected.Pid);
        Assert.Equal(ArgvSource.Complete, exec.ArgvSource);
        Assert.Equal(expected.ParentPid, exec.ParentPid);
        Assert.Equal(expected.Argv, exec.Arguments.RawBytes.ToArray());
        Assert.Equal("true", exec.CommandName);
        Assert.Empty(run.Failed);
    }

    private static byte[][] Arguments(ExecEvent exec) => [.. Enumerable.Range(0, exec.Arguments.Count).Select(i => exec.Arguments.GetRaw(i).ToArray())];
}
