using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Linux;

namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>
/// Failed execs through the eBPF source, with native/execs.c as the oracle: it makes each exec fail and writes down its
/// pid, parent, path and argv bytes, errno and glibc's name for it; the tracer must report exactly that, once each.
/// </summary>
public class BpfFailedExecKernelTests
{
    [Fact]
    public async Task Each_failed_exec_is_reported_once_exactly_as_the_caller_made_it_and_never_as_an_exec()
    {
        var marker = KernelTracer.NewMarker();

        // Missing (with a path that is not UTF-8), not executable, a directory, and execveat's missing and not executable.
        var run = await ExecsRun.StartAsync("failed", marker);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, run.Record.Failed.Count);
        var reported = run.Failed.ToList();
        Assert.Equal(run.Record.Failed.Count, reported.Count);
        foreach (var (expected, actual) in run.Record.Failed.Zip(reported))
        {
            AssertReported(expected, actual, ArgvSource.Complete, expected.Argv);
        }

        // The exec that followed is an exec of the same process; no failed one is.
        var after = Assert.Single(run.Record.Execs);
        var execs = run.Execs.Where(e => e.Pid == after.Pid).ToList();
        Assert.Equal(2, execs.Count);
        Assert.Equal(after.Argv, execs[1].Arguments.RawBytes.ToArray());
        Assert.Equal(after.ParentPid, execs[1].ParentPid);
        Assert.Equal(ArgvSource.Complete, execs[1].ArgvSource);
        Assert.Equal(ExecsProgram.Path, execs[0].Arguments.Strings[0]);
        Assert.Equal("true", execs[1].CommandName);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1024)] // the most the options allow: the unrolled program must still pass the verifier
    public async Task A_failed_exec_with_more_arguments_than_read_is_truncated_to_exactly_the_first_ones(int maxArguments)
    {
        var marker = KernelTracer.NewMarker();

        var run = await ExecsRun.StartAsync(
            "failed-many", marker, maxArguments, s => s.Configure<BpfSourceOptions>(o => o.MaxFailedExecArguments = maxArguments));

        Assert.Equal(0, run.ExitCode);
        var expected = Assert.Single(run.Record.Failed);
        var arguments = ExecsRecord.Arguments(expected.Argv);
        Assert.True(arguments.Length > maxArguments);
        AssertReported(expected, Assert.Single(run.Failed), ArgvSource.Truncated, [.. arguments.Take(maxArguments).SelectMany(a => a.Append((byte)0))]);
    }

    [Fact]
    public async Task A_failed_exec_whose_argv_is_not_resident_says_argv_is_unreadable_and_keeps_the_path()
    {
        var marker = KernelTracer.NewMarker();

        // argv's strings lie in a private file mapping never touched, and an ENOENT exec does not touch them either.
        var run = await ExecsRun.StartAsync("nonresident", marker);

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Record.Premises["absent-before"] == 1, "argv's page was in the page table before the exec");
        Assert.True(run.Record.Premises["absent-after"] == 1, "the failed exec touched argv's page: the premise does not hold on this kernel");
        var expected = Assert.Single(run.Record.Failed);
        var actual = Assert.Single(run.Failed);
        AssertReported(expected, actual, ArgvSource.None, []);
        Assert.Equal(0, actual.Arguments.Count);
    }

    [Fact]
    public async Task A_failed_exec_whose_argv_just_fits_is_complete_one_a_byte_over_truncated_and_one_from_a_thread_its_processes()
    {
        const int MaxBytes = 256;
        var marker = KernelTracer.NewMarker();

        var run = await ExecsRun.StartAsync("edges", marker, MaxBytes, s => s.Configure<BpfSourceOptions>(o => o.MaxArgumentBytes = MaxBytes));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Record.Failed.Count);
        Assert.Equal(MaxBytes, run.Record.Failed[0].Argv.Length);
        var over = run.Record.Failed[2];
        Assert.Equal(MaxBytes + 1, over.Argv.Length);
        var reported = run.Failed.ToList();
        Assert.Equal(3, reported.Count);
        AssertReported(run.Record.Failed[0], reported[0], ArgvSource.Complete, run.Record.Failed[0].Argv);
        AssertReported(run.Record.Failed[1], reported[1], ArgvSource.Complete, run.Record.Failed[1].Argv);

        // The last argument is cut where the room ends, with the NUL the kernel's string read puts in its last byte.
        AssertReported(over, reported[2], ArgvSource.Truncated, [.. over.Argv[..(MaxBytes - 1)], 0]);
    }

    private static void AssertReported(RecordedFailedExec expected, ExecFailedEvent actual, ArgvSource source, byte[] argv)
    {
        Assert.Equal(expected.Pid, actual.Pid);
        Assert.Equal(expected.ParentPid, actual.ParentPid);
        Assert.Equal(expected.Errno, actual.Errno);
        Assert.Equal(expected.ErrorName, actual.ErrorName);
        Assert.Equal(source, actual.ArgvSource);
        Assert.Equal(argv, actual.Arguments.RawBytes.ToArray());
        var utf8 = System.Text.Unicode.Utf8.IsValid(expected.Path);
        Assert.Equal(utf8, actual.PathBytes is null);
        Assert.Equal(expected.Path, actual.PathBytes?.ToArray() ?? Encoding.UTF8.GetBytes(actual.Path));
        Assert.Equal(Encoding.UTF8.GetString(expected.Path), actual.Path);
    }
}
