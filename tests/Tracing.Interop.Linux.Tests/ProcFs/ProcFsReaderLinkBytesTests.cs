using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary>exe and cwd are bytes: when they are not valid UTF-8 the reader hands back those exact bytes too.</summary>
public sealed class ProcFsReaderLinkBytesTests : IDisposable
{
    private const int Pid = 4321;
    private readonly FakeProcRoot _root = new();
    private readonly ProcFsReader _reader;

    public ProcFsReaderLinkBytesTests() => _reader = new ProcFsReader(_root.Path);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Invalid_UTF8_link_targets_come_back_byte_exact()
    {
        byte[] exe = [.. "/opt/a"u8, 0xFF, .. "b"u8];
        byte[] cwd = [.. "/home/"u8, 0xC3, 0x28, (byte)'\n', 0xFE];
        _root.Link(Pid, "exe", exe);
        _root.Link(Pid, "cwd", cwd);

        Assert.True(_reader.TryReadExecutablePath(Pid, out var exePath, out var exeBytes));
        Assert.True(_reader.TryReadWorkingDirectory(Pid, out var cwdPath, out var cwdBytes));

        Assert.Equal(exe, exeBytes);
        Assert.Equal(cwd, cwdBytes);
        Assert.Equal("/opt/a\uFFFDb", exePath);
        Assert.StartsWith("/home/\uFFFD", cwdPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(3000)]
    public void Long_invalid_UTF8_targets_are_byte_exact_past_the_first_buffer(int length)
    {
        var cwd = new byte[length];
        Array.Fill(cwd, (byte)'d');
        cwd[0] = (byte)'/';
        cwd[^1] = 0xFF;
        _root.Link(Pid, "cwd", cwd);

        Assert.True(_reader.TryReadWorkingDirectory(Pid, out _, out var bytes));

        Assert.Equal(cwd, bytes);
    }

    [Fact]
    public void Valid_UTF8_targets_have_no_bytes_beyond_the_string()
    {
        _root.Link(Pid, "exe", "/usr/bin/caf\u00e9");
        _root.Link(Pid, "cwd", "/tmp");

        Assert.True(_reader.TryReadExecutablePath(Pid, out var exe, out var exeBytes));
        Assert.True(_reader.TryReadWorkingDirectory(Pid, out var cwd, out var cwdBytes));

        Assert.Equal("/usr/bin/caf\u00e9", exe);
        Assert.Equal("/tmp", cwd);
        Assert.Null(exeBytes);
        Assert.Null(cwdBytes);
    }

    [Fact]
    public void A_gone_process_has_neither_path_nor_bytes()
    {
        Assert.False(_reader.TryReadExecutablePath(Pid + 1, out var path, out var bytes));
        Assert.Null(path);
        Assert.Null(bytes);
    }
}
