using System.Runtime.InteropServices;

namespace Tracing.Darwin.Tests.Interop;

/// <summary>The one EINTR helper every Darwin wrapper retries through, fed the errno a call would leave behind.</summary>
public class InteropInterruptedTests
{
    [Fact]
    public void A_call_interrupted_by_a_signal_is_made_again()
    {
        Marshal.SetLastPInvokeError(global::Interop.Errno.EINTR);

        Assert.True(global::Interop.Interrupted(-1, out var errno));
        Assert.Equal(global::Interop.Errno.EINTR, errno);
    }

    [Fact]
    public void A_failure_returns_its_errno_and_is_not_retried()
    {
        Marshal.SetLastPInvokeError(global::Interop.Errno.ENOMEM);

        Assert.False(global::Interop.Interrupted(-1, out var errno));
        Assert.Equal(global::Interop.Errno.ENOMEM, errno);
    }

    [Fact]
    public void A_failure_without_errno_stays_a_failure()
    {
        Marshal.SetLastPInvokeError(0);

        Assert.False(global::Interop.Interrupted(-1, out var errno));
        Assert.Equal(global::Interop.Errno.Unknown, errno);
    }

    [Fact]
    public void Success_reads_no_stale_errno()
    {
        Marshal.SetLastPInvokeError(global::Interop.Errno.EINTR);

        Assert.False(global::Interop.Interrupted(0, out var errno));
        Assert.Equal(0, errno);
    }
}
