using System.Text;
using Tracing.Darwin.ProcArgs;

namespace Tracing.Darwin.Tests.ProcArgs;

public class ProcArgs2DecoderTests
{
    [Fact]
    public void An_unterminated_last_argument_is_kept_as_far_as_the_buffer_goes()
    {
        byte[] blob = [2, 0, 0, 0, .. "/bin/echo\0\0\0\0\0\0\0echo\0trunc"u8];

        Assert.True(ProcArgs2Decoder.TryDecode(blob, out _, out var argv, out var count));

        Assert.Equal(2, count);
        Assert.Equal("echo\0trunc", Encoding.UTF8.GetString(argv));
    }

    [Fact]
    public void An_exec_path_without_its_nul_is_rejected()
    {
        byte[] blob = [1, 0, 0, 0, .. "/bin/ech"u8];

        Assert.False(ProcArgs2Decoder.TryDecode(blob, out _, out _, out _));
    }

    [Fact]
    public void Empty_arguments_after_the_first_keep_their_place()
    {
        byte[] blob = [3, 0, 0, 0, .. "/bin/x\0\0a\0\0b\0ENV=1\0"u8];

        Assert.True(ProcArgs2Decoder.TryDecode(blob, out _, out var argv, out var count));

        Assert.Equal(3, count);
        Assert.Equal("a\0\0b\0", Encoding.UTF8.GetString(argv));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Too_short_for_argc_is_rejected(int length)
    {
        Assert.False(ProcArgs2Decoder.TryDecode(new byte[length], out _, out _, out _));
    }
}
