using Tracing.Linux.Launch;

namespace Tracing.Linux.Tests.Launch;

public class StartupSignalsTests
{
    private static readonly byte[] s_status = "Name:\tx\nSigQ:\t0/63446\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\nSigBlk:\t0000000000000200\nSigIgn:\t0000000000001001\nSigCgt:\t0000000180004002\n"u8.ToArray();

    [Fact]
    public void SigIgn_and_SigBlk_are_read_as_hex_masks()
    {
        Assert.True(StartupSignals.TryParse(s_status, out var signals));

        Assert.Equal(new StartupSignals(Ignored: 0x1001, Blocked: 0x200), signals);
    }

    [Theory]
    [InlineData("SigBlk:\t0000000000000200\n")]
    [InlineData("SigIgn:\t0000000000000200\n")]
    [InlineData("SigBlk:\tzz\nSigIgn:\t0\n")]
    [InlineData("")]
    public void A_status_without_both_masks_is_refused(string status)
    {
        Assert.False(StartupSignals.TryParse(System.Text.Encoding.ASCII.GetBytes(status), out _));
    }

    [Fact]
    public void Every_signal_but_those_given_as_ignored_is_defaulted_and_SIGPIPE_always_is()
    {
        var defaulted = new StartupSignals(Ignored: 0x1001, Blocked: 0).Defaulted;

        Assert.Equal(0UL, defaulted & 1); // SIGHUP, given as ignored
        Assert.NotEqual(0UL, defaulted & (1UL << (StartupSignals.SIGPIPE - 1))); // the runtime's, not the parent's
        Assert.NotEqual(0UL, defaulted & (1UL << (2 - 1))); // SIGINT
        Assert.NotEqual(0UL, defaulted & (1UL << 63)); // signal 64
        Assert.Equal(0UL, defaulted & ((1UL << (StartupSignals.SIGKILL - 1)) | (1UL << (StartupSignals.SIGSTOP - 1))));
    }

    [Fact]
    public void This_process_status_can_be_read()
    {
        var signals = StartupSignals.Read();

        // Every .NET process ignores SIGPIPE before Main.
        Assert.NotEqual(0UL, signals.Ignored & StartupSignals.RuntimeIgnored);
    }
}
