namespace Tracing.Linux.Tests.Libc;

/// <summary>
/// The errno → exception helper for the refusals the proc connector can answer with. This kernel (6.18, run as root)
/// cannot produce EPERM (Linux before 6.6 without CAP_NET_ADMIN) nor EPROTONOSUPPORT (no CONFIG_PROC_EVENTS), and the
/// socket has no seam for a fake, so the helper is tested with the exact operations the source passes it.
/// ECONNREFUSED and the no-reply timeout are produced for real in Tracing.Kernel.Tests/Cli/ExectraceRefusedTests.
/// </summary>
public class InteropErrorsTests
{
    private const string Subscribing = "Subscribing to the proc connector";

    [Fact]
    public void Eperm_in_the_kernel_reply_names_CAP_NET_ADMIN_and_the_kernel_that_needs_none()
    {
        var error = Interop.GetExceptionForErrno(Interop.Errno.EPERM, Subscribing);

        var refused = Assert.IsType<UnauthorizedAccessException>(error);
        Assert.StartsWith(Subscribing + " was refused (", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CAP_NET_ADMIN", refused.Message, StringComparison.Ordinal);
        Assert.Contains("run as root", refused.Message, StringComparison.Ordinal);
        Assert.Contains("setcap cap_net_admin+ep", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Linux 6.6", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eacces_is_treated_as_eperm()
    {
        var error = Interop.GetExceptionForErrno(Interop.Errno.EACCES, Subscribing);

        Assert.Contains("CAP_NET_ADMIN", Assert.IsType<UnauthorizedAccessException>(error).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Interop.Errno.EPROTONOSUPPORT)]
    [InlineData(Interop.Errno.EAFNOSUPPORT)]
    public void A_kernel_without_the_proc_connector_names_the_config_options(int errno)
    {
        const string Opening = "Opening a NETLINK_CONNECTOR socket";

        var error = Interop.GetExceptionForErrno(errno, Opening);

        var unavailable = Assert.IsType<TracingUnavailableException>(error);
        Assert.StartsWith(Opening + " failed (", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("no proc connector", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_CONNECTOR", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_PROC_EVENTS", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Econnrefused_names_the_network_namespace_and_the_host_network_remedy()
    {
        var error = Interop.GetExceptionForErrno(Interop.Errno.ECONNREFUSED, Subscribing);

        var unavailable = Assert.IsType<TracingUnavailableException>(error);
        Assert.StartsWith(Subscribing + " failed (", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("initial network namespace", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("--network host", unavailable.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Interop.Errno.EINVAL)]
    [InlineData(Interop.Errno.ENOBUFS)]
    [InlineData(9999)]
    public void Other_errors_are_io_errors_carrying_the_operation_and_the_errno(int errno)
    {
        var error = Interop.GetExceptionForErrno(errno, Subscribing);

        var io = Assert.IsType<IOException>(error);
        Assert.StartsWith(Subscribing + " failed: ", io.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(errno {errno}).", io.Message, StringComparison.Ordinal);
        Assert.Equal(errno, io.HResult);
    }
}
