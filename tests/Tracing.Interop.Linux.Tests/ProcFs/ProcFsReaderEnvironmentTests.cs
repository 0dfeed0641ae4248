using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary><c>/proc/PID/environ</c> in a fake root: read as cmdline is, byte-exact.</summary>
public sealed class ProcFsReaderEnvironmentTests : IDisposable
{
    private const int Pid = 4321;
    private readonly FakeProcRoot _root = new();
    private readonly ProcFsReader _reader;

    public ProcFsReaderEnvironmentTests() => _reader = new ProcFsReader(_root.Path);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Reads_the_entries_byte_exact_invalid_UTF8_and_escapes_included()
    {
        byte[] content = [.. "HOME=/root\0"u8, .. "TITLE=\u001b]0;owned\u0007\0"u8, .. "RAW="u8, 0xff, 0xfe, 0, .. "EMPTY=\0"u8];
        _root.WriteFile(Pid, "environ", content);

        Assert.True(_reader.TryReadEnvironment(Pid, out var environment));

        Assert.Equal(4, environment.Count);
        Assert.Equal(content, environment.RawBytes.ToArray());
        Assert.Equal([.. "RAW="u8, 0xff, 0xfe], environment.GetRaw(2).ToArray());
        Assert.False(environment.IsValidUtf8);
    }

    [Fact]
    public void An_environment_over_many_pages_is_read_whole()
    {
        // 1 MB: past the first page, the reader grows and reads it again in one go, as it does for a long argv.
        var entries = Enumerable.Range(0, 10).Select(i => $"V{i}={new string((char)('a' + i), 100_000)}").ToArray();
        _root.WriteFile(Pid, "environ", string.Concat(entries.Select(e => e + "\0")));

        Assert.True(_reader.TryReadEnvironment(Pid, out var environment));

        Assert.Equal(entries, environment.Strings);
    }

    [Fact]
    public void An_empty_environ_is_an_empty_environment_not_a_failure()
    {
        _root.WriteFile(Pid, "environ", "");

        Assert.True(_reader.TryReadEnvironment(Pid, out var environment));

        Assert.Equal(0, environment.Count);
    }

    [Fact]
    public void A_last_entry_without_its_NUL_is_kept()
    {
        _root.WriteFile(Pid, "environ", "A=1\0B=2");

        Assert.True(_reader.TryReadEnvironment(Pid, out var environment));

        Assert.Equal(["A=1", "B=2"], environment.Strings);
    }

    [Fact]
    public void No_environment_for_a_gone_process()
    {
        Assert.False(_reader.TryReadEnvironment(Pid + 1, out var environment));
        Assert.Null(environment);
    }
}
