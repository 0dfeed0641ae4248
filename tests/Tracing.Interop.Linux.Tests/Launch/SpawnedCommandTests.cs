using Tracing.Linux.Launch;

namespace Tracing.Linux.Tests.Launch;

public class SpawnedCommandTests
{
    [Theory]
    [InlineData(0x0000, 0)]
    [InlineData(0x0500, 5)]
    [InlineData(0xff00, 255)]
    [InlineData(0x000d, 128 + 13)]
    [InlineData(0x008b, 128 + 11)] // SIGSEGV with a core dump (0x80)
    public void A_wait_status_becomes_the_shell_exit_code(int status, int expected)
    {
        Assert.Equal(expected, SpawnedCommand.ExitCode(status));
    }
}
