using System.Text;
using Tracing.Linux.Launch;
using Tracing.Ports;

namespace Tracing.Linux.Tests.Launch;

/// <summary>Real commands started with posix_spawnp: exit codes, errors, bytes, working directory.</summary>
public sealed class SpawnCommandLauncherTests : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("spawn-").FullName;

    [Theory]
    [InlineData("exit 0", 0)]
    [InlineData("exit 5", 5)]
    [InlineData("kill -TERM $$", 128 + 15)]
    [InlineData("kill -KILL $$", 128 + 9)]
    public async Task The_exit_code_is_the_status_or_128_plus_the_signal(string script, int expected)
    {
        using var command = new SpawnCommandLauncher().Launch(new CommandSpec("sh", ["-c", script]));

        Assert.Equal(expected, await command.WaitForExitAsync(CancellationToken.None).WaitAsync(s_bound));
    }

    [Theory]
    [InlineData("/nonexistent/command", "No such file or directory")]
    [InlineData("no-such-command-on-path", "No such file or directory")]
    [InlineData("/etc/passwd", "Permission denied")]
    public void A_command_that_cannot_start_is_refused_with_the_reason(string program, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SpawnCommandLauncher().Launch(new CommandSpec(program, [])));

        Assert.Equal($"Could not start '{program}': {reason}", error.Message);
    }

    [Fact]
    public async Task Argv_and_environment_bytes_and_the_working_directory_are_the_ones_given()
    {
        var output = Path.Combine(_folder, "out");
        ReadOnlyMemory<byte>[] argv = [.. new[] { "/bin/sh", "-c", "cat /proc/$$/cmdline /proc/$$/environ > \"$0\"; pwd >> \"$0\"", output }
            .Select(a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a)), new byte[] { 0x61, 0xff }];
        ReadOnlyMemory<byte>[] environment = ["a-b=1"u8.ToArray(), new byte[] { 0x56, 0x3d, 0xfe }];
        using var command = new SpawnCommandLauncher().Launch(CommandSpec.FromBytes(argv, environment, "/tmp"));

        Assert.Equal(0, await command.WaitForExitAsync(CancellationToken.None).WaitAsync(s_bound));
        var expected = $"/bin/sh\0-c\0cat /proc/$$/cmdline /proc/$$/environ > \"$0\"; pwd >> \"$0\"\0{output}\0a\u00ff\0a-b=1\0V=\u00fe\0/tmp\n";
        Assert.Equal(expected, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(output)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
