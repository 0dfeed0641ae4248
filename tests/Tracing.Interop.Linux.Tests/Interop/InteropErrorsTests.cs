namespace Tracing.Linux.Tests.Libc;

/// <summary>
/// The errno → exception helpers: the proc connector's, for the refusals its socket and its kernel reply can answer
/// with, and the general one, which names no remedy. This kernel (6.18, run as root) cannot produce EPERM (Linux
/// before 6.6 without CAP_NET_ADMIN) nor EPROTONOSUPPORT (no CONFIG_PROC_EVENTS), and the socket has no seam for a
/// fake, so the helpers are tested with the exact operations the source passes them. ECONNREFUSED and the no-reply
/// timeout are produced for real in Tracing.Kernel.Tests/Cli/ExectraceRefusedTests.
/// </summary>
public class InteropErrorsTests
{
    private const string Subscribing = "Subscribing to the proc connector";

    [Fact]
    public void Eperm_in_the_kernel_reply_names_CAP_NET_ADMIN_and_the_kernel_that_needs_none()
    {
        var error = Interop.GetExceptionForProcConnectorErrno(Interop.Errno.EPERM, Subscribing);

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
        var error = Interop.GetExceptionForProcConnectorErrno(Interop.Errno.EACCES, Subscribing);

        Assert.Contains("CAP_NET_ADMIN", Assert.IsType<UnauthorizedAccessException>(error).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Interop.Errno.EPROTONOSUPPORT)]
    [InlineData(Interop.Errno.EAFNOSUPPORT)]
    public void A_kernel_without_the_proc_connector_names_the_config_options(int errno)
    {
        const string Opening = "Opening a NETLINK_CONNECTOR socket";

        var error = Interop.GetExceptionForProcConnectorErrno(errno, Opening);

        var unavailable = Assert.IsType<TracingUnavailableException>(error);
        Assert.StartsWith(Opening + " failed (", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("no proc connector", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_CONNECTOR", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_PROC_EVENTS", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Econnrefused_names_the_network_namespace_and_the_host_network_remedy()
    {
        var error = Interop.GetExceptionForProcConnectorErrno(Interop.Errno.ECONNREFUSED, Subscribing);

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
        var error = Interop.GetExceptionForProcConnectorErrno(errno, Subscribing);

        var io = Assert.IsType<IOException>(error);
        Assert.StartsWith(Subscribing + " failed: ", io.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(errno {errno}).", io.Message, StringComparison.Ordinal);
        Assert.Equal(errno, io.HResult);
    }

    [Theory]
    [InlineData(Interop.Errno.EPERM)]
    [InlineData(Interop.Errno.EACCES)]
    public void A_refusal_outside_the_proc_connector_names_no_netlink_remedy(int errno)
    {
        const string CreatingAnEventFd = "Creating an eventfd";

        var error = Interop.GetExceptionForErrno(errno, CreatingAnEventFd);

        var refused = Assert.IsType<UnauthorizedAccessException>(error);
        Assert.StartsWith(CreatingAnEventFd + " was refused (", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith(").", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CAP_NET_ADMIN", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Linux 6.6", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Interop.Errno.EPROTONOSUPPORT)]
    [InlineData(Interop.Errno.EAFNOSUPPORT)]
    [InlineData(Interop.Errno.ECONNREFUSED)]
    public void Errors_that_mean_no_proc_connector_elsewhere_are_io_errors_with_the_errno(int errno)
    {
        const string Reading = "Reading /proc/1/stat";

        var error = Interop.GetExceptionForErrno(errno, Reading);

        var io = Assert.IsType<IOException>(error);
        Assert.StartsWith(Reading + " failed: ", io.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(errno {errno}).", io.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("proc connector", io.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_throw_helper_throws_its_own_helpers_exception_and_nothing_for_0()
    {
        Interop.ThrowIfError(0, Subscribing);
        Interop.ThrowIfProcConnectorError(0, Subscribing);

        var general = Assert.Throws<UnauthorizedAccessException>(() => Interop.ThrowIfError(Interop.Errno.EPERM, "Creating an eventfd"));
        var netlink = Assert.Throws<UnauthorizedAccessException>(() => Interop.ThrowIfProcConnectorError(Interop.Errno.EPERM, Subscribing));

        Assert.DoesNotContain("CAP_NET_ADMIN", general.Message, StringComparison.Ordinal);
        Assert.Contains("CAP_NET_ADMIN", netlink.Message, StringComparison.Ordinal);
    }
}
