using System.Text;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary><see cref="PasswdCache"/> on real files in a temporary directory: hits, and what makes it read again.</summary>
public sealed class PasswdCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("passwd-cache-").FullName;
    private readonly PasswdCache _cache = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_unchanged_file_is_read_once()
    {
        var passwd = Write("passwd", "root:x:0:0::/:\napp:x:1000:1000::/:\n");

        Assert.Equal(0, _cache.TryGetName(passwd, 0, out var root));
        Assert.Equal(0, _cache.TryGetName(passwd, 1000, out var app));
        Assert.Equal(0, _cache.TryGetName(passwd, 5, out var none));

        Assert.Equal(("root", "app", (string?)null), (root, app, none));
        Assert.Equal(1, _cache.Reads);
    }

    [Fact]
    public void A_rewrite_is_seen()
    {
        var passwd = Write("passwd", "root:x:0:0::/:\napp:x:1000:1000::/:\n");
        _cache.TryGetName(passwd, 1000, out _);

        File.WriteAllText(passwd, "root:x:0:0::/:\nrenamed:x:1000:1000::/:\n");

        Assert.Equal(0, _cache.TryGetName(passwd, 1000, out var name));
        Assert.Equal("renamed", name);
        Assert.Equal(2, _cache.Reads);
    }

    [Fact]
    public void A_rewrite_of_the_same_size_is_seen_by_its_mtime()
    {
        var passwd = Write("passwd", "aaa:x:1000:1000::/:\n");
        var written = File.GetLastWriteTimeUtc(passwd);
        _cache.TryGetName(passwd, 1000, out _);

        File.WriteAllText(passwd, "bbb:x:1000:1000::/:\n");
        File.SetLastWriteTimeUtc(passwd, written.AddSeconds(1));

        Assert.Equal(0, _cache.TryGetName(passwd, 1000, out var name));
        Assert.Equal("bbb", name);
        Assert.Equal(2, _cache.Reads);
    }

    [Fact]
    public void A_replaced_file_is_another_identity()
    {
        var passwd = Write("passwd", "old:x:1000:1000::/:\n");
        _cache.TryGetName(passwd, 1000, out _);

        var replacement = Write("passwd.new", "new:x:1000:1000::/:\n");
        File.Move(replacement, passwd, overwrite: true);

        Assert.Equal(0, _cache.TryGetName(passwd, 1000, out var name));
        Assert.Equal("new", name);
    }

    [Fact]
    public void Files_of_the_same_content_are_kept_apart_by_identity()
    {
        var first = Write("first", "root:x:0:0::/:\n");
        var second = Write("second", "root:x:0:0::/:\n");

        _cache.TryGetName(first, 0, out _);
        _cache.TryGetName(second, 0, out _);
        _cache.TryGetName(first, 0, out _);

        Assert.Equal(2, _cache.Count);
        Assert.Equal(2, _cache.Reads);
    }

    [Fact]
    public void The_cache_is_bounded()
    {
        for (var i = 0; i <= PasswdCache.MaxFiles; i++)
        {
            _cache.TryGetName(Write($"passwd{i}", $"u{i}:x:{i}:0::/:\n"), (uint)i, out var name);
            Assert.Equal($"u{i}", name);
        }

        Assert.InRange(_cache.Count, 1, PasswdCache.MaxFiles);
    }

    [Fact]
    public void A_huge_file_is_read_up_to_the_cap()
    {
        var line = Encoding.UTF8.GetBytes("filler:x:1:1::/:\n");
        var content = new List<byte>(Encoding.UTF8.GetBytes("first:x:7:7::/:\n"));
        while (content.Count < PasswdCache.MaxFileBytes + 1000)
        {
            content.AddRange(line);
        }

        content.AddRange(Encoding.UTF8.GetBytes("beyond:x:9:9::/:\n"));
        var passwd = Path.Join(_directory, "huge");
        File.WriteAllBytes(passwd, [.. content]);

        Assert.Equal(0, _cache.TryGetName(passwd, 7, out var first));
        Assert.Equal(0, _cache.TryGetName(passwd, 9, out var beyond));

        Assert.Equal("first", first);
        Assert.Null(beyond);
    }

    [Fact]
    public void A_missing_file_is_its_errno()
    {
        Assert.Equal(Interop.Errno.ENOENT, _cache.TryGetName(Path.Join(_directory, "none"), 0, out var name));
        Assert.Null(name);
    }

    private string Write(string name, string content)
    {
        var path = Path.Join(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
