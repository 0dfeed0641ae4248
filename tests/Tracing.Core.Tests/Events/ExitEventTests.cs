using Tracing.Events;

namespace Tracing.Core.Tests.Events;

public class ExitEventTests
{
    [Fact]
    public void DecodeWaitStatus_of_a_normal_exit_gives_the_code()
    {
        var (code, signal, core) = ExitEvent.DecodeWaitStatus(768);

        Assert.Equal(3, code);
        Assert.Null(signal);
        Assert.False(core);
    }

    [Fact]
    public void DecodeWaitStatus_of_zero_is_exit_code_zero()
    {
        var (code, signal, core) = ExitEvent.DecodeWaitStatus(0);

        Assert.Equal(0, code);
        Assert.Null(signal);
        Assert.False(core);
    }

    [Fact]
    public void DecodeWaitStatus_of_SIGSEGV_without_core()
    {
        var (code, signal, core) = ExitEvent.DecodeWaitStatus(11);

        Assert.Null(code);
        Assert.Equal(11, signal);
        Assert.False(core);
    }

    [Fact]
    public void DecodeWaitStatus_of_SIGSEGV_with_core()
    {
        var (code, signal, core) = ExitEvent.DecodeWaitStatus(0x8B);

        Assert.Null(code);
        Assert.Equal(11, signal);
        Assert.True(core);
    }

    [Fact]
    public void DecodeWaitStatus_of_exit_255()
    {
        Assert.Equal(255, ExitEvent.DecodeWaitStatus(0xFF00).ExitCode);
    }
}
