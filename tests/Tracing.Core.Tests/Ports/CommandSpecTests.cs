using Tracing.Ports;

namespace Tracing.Core.Tests.Ports;

public class CommandSpecTests
{
    [Fact]
    public void A_command_from_bytes_keeps_them_and_shows_their_UTF8_decoding()
    {
        ReadOnlyMemory<byte>[] argv = ["echo"u8.ToArray(), new byte[] { 0x61, 0xff }];
        ReadOnlyMemory<byte>[] environment = ["a-b=1"u8.ToArray()];

        var spec = CommandSpec.FromBytes(argv, environment, "/tmp");

        Assert.Same(argv, spec.ArgvBytes);
        Assert.Same(environment, spec.EnvironmentBytes);
        Assert.Equal("echo", spec.FileName);
        Assert.Equal(["a\uFFFD"], spec.Arguments);
        Assert.Equal("/tmp", spec.WorkingDirectory);
    }

    [Fact]
    public void A_command_from_strings_has_no_bytes()
    {
        var spec = new CommandSpec("echo", ["a"]);

        Assert.Null(spec.ArgvBytes);
        Assert.Null(spec.EnvironmentBytes);
    }

    [Fact]
    public void No_program_or_a_NUL_byte_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CommandSpec.FromBytes([]));
        Assert.Throws<ArgumentException>(() => CommandSpec.FromBytes([ReadOnlyMemory<byte>.Empty]));
        Assert.Throws<ArgumentException>(() => CommandSpec.FromBytes(["a\0b"u8.ToArray()]));
        Assert.Throws<ArgumentException>(() => CommandSpec.FromBytes(["true"u8.ToArray()], ["A=\0"u8.ToArray()]));
    }
}
