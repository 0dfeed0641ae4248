namespace Tracing.Linux.Tests.Libc;

/// <summary>
/// bpf(2)'s and perf_event_open(2)'s errno → exception helper. The tests run as root, where the kernel grants every
/// call, so the helper is tested with the errnos an unprivileged caller (kernel.unprivileged_bpf_disabled) or a kernel
/// before 5.11 (RLIMIT_MEMLOCK) would get.
/// </summary>
public class InteropBpfErrorsTests
{
    private const string Creating = "Creating the eBPF map 'ring' (RingBuffer)";

    [Theory]
    [InlineData(Interop.Errno.EPERM)]
    [InlineData(Interop.Errno.EACCES)]
    public void A_refusal_names_CAP_BPF_and_CAP_PERFMON(int errno)
    {
        var error = Interop.GetExceptionForBpfErrno(errno, "Attaching an eBPF program to tracepoint:syscalls:sys_enter_execve");

        var refused = Assert.IsType<UnauthorizedAccessException>(error);
        Assert.Contains("CAP_BPF", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CAP_PERFMON", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RLIMIT_MEMLOCK", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_map_also_names_the_locked_memory_limit()
    {
        var error = Interop.GetExceptionForBpfErrno(Interop.Errno.EPERM, Creating, locksMemory: true);

        var refused = Assert.IsType<UnauthorizedAccessException>(error);
        Assert.Contains("CAP_BPF", refused.Message, StringComparison.Ordinal);
        Assert.Contains("RLIMIT_MEMLOCK", refused.Message, StringComparison.Ordinal);
        Assert.Contains("5.11", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_out_of_memory_names_the_locked_memory_limit()
    {
        var error = Interop.GetExceptionForBpfErrno(Interop.Errno.ENOMEM, Creating, locksMemory: true);

        var failed = Assert.IsType<IOException>(error);
        Assert.Equal(Interop.Errno.ENOMEM, failed.HResult);
        Assert.Contains("RLIMIT_MEMLOCK", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_errors_keep_the_errno_and_name_no_remedy()
    {
        var error = Interop.GetExceptionForBpfErrno(Interop.Errno.EINVAL, Creating, locksMemory: true);

        var failed = Assert.IsType<IOException>(error);
        Assert.Equal(Interop.Errno.EINVAL, failed.HResult);
        Assert.StartsWith(Creating + " failed:", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RLIMIT_MEMLOCK", failed.Message, StringComparison.Ordinal);
    }
}
