using System.Text;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

public class PasswdParserTests
{
    [Theory]
    [InlineData("root:x:0:0:root:/root:/bin/bash", "root", 0U)]
    [InlineData("nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin", "nobody", 65534U)]
    [InlineData("app:*:4294967294:1::/:", "app", 4294967294U)]
    [InlineData("short:x:1000:", "short", 1000U)] // lenient past the uid, as long as the uid is ended
    [InlineData("crlf:x:7:7:crlf:/:/bin/sh\r", "crlf", 7U)]
    [InlineData("ünï:x:8:8::/:", "ünï", 8U)]
    public void Parses_name_and_uid(string line, string name, uint uid)
    {
        Assert.True(PasswdParser.TryParseLine(Bytes(line), out var parsedName, out var parsedUid));

        Assert.Equal(name, Encoding.UTF8.GetString(parsedName));
        Assert.Equal(uid, parsedUid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    [InlineData("root:x")]
    [InlineData("root:x:0")] // the uid field never ended: a cut line
    [InlineData(":x:0:0::/:")]
    [InlineData("#root:x:0:0::/:")]
    [InlineData("+nis:x:0:0::/:")]
    [InlineData("-nis:x:0:0::/:")]
    [InlineData("+")]
    [InlineData("root:x::0::/:")]
    [InlineData("root:x:-1:0::/:")]
    [InlineData("root:x: 0:0::/:")]
    [InlineData("root:x:4294967296:0::/:")]
    [InlineData("root:x:zero:0::/:")]
    public void Rejects_malformed_lines(string line)
    {
        Assert.False(PasswdParser.TryParseLine(Bytes(line), out var name, out var uid));

        Assert.True(name.IsEmpty);
        Assert.Equal(0U, uid);
    }

    [Fact]
    public void Parses_every_name_skipping_malformed_lines_and_keeping_the_first_of_a_uid()
    {
        var names = PasswdParser.ParseNames(Bytes(
            "root:x:0:0:root:/root:/bin/bash\n\ngarbage\n#c:x:5:5::/:\ndaemon:x:1:1::/:\ntoor:x:0:0::/:\nlast:x:1000:1000::/:"));

        Assert.Equal(new Dictionary<uint, string> { [0] = "root", [1] = "daemon", [1000] = "last" }, names);
    }

    [Fact]
    public void A_truncated_file_drops_its_cut_last_line()
    {
        var content = Bytes("root:x:0:0::/:\ncut:x:12:");

        Assert.Equal(["root"], PasswdParser.ParseNames(content, truncated: true).Values);
        Assert.Equal(["root", "cut"], PasswdParser.ParseNames(content).Values);
    }

    [Fact]
    public void Nothing_parses_to_nothing()
    {
        Assert.Empty(PasswdParser.ParseNames([]));
        Assert.Empty(PasswdParser.ParseNames([], truncated: true));
        Assert.Empty(PasswdParser.ParseNames(Bytes("no newline at all"), truncated: true));
    }

    [Theory]
    [InlineData("root", 0U)]
    [InlineData("app", 1000U)] // the first line of a name wins, as with getpwnam
    [InlineData("ünï", 8U)]
    public void Finds_a_users_uid_by_its_exact_name(string name, uint uid)
    {
        var content = Bytes("#app:x:1:1::/:\nroot:x:0:0::/:\n+app:x:2:2::/:\napp:x:1000:1000::/:\napp:x:1001:1001::/:\nünï:x:8:8::/:");

        Assert.True(PasswdParser.TryFindUid(content, Bytes(name), out var found));
        Assert.Equal(uid, found);
    }

    [Theory]
    [InlineData("App")]
    [InlineData("ap")]
    [InlineData("nobody")]
    [InlineData("")]
    public void A_name_no_well_formed_line_has_is_not_found(string name)
    {
        var content = Bytes("app:x:1000:1000::/:\nnobody:x:oops:1::/:\n:x:5:5::/:\n");

        Assert.False(PasswdParser.TryFindUid(content, Bytes(name), out var uid));
        Assert.Equal(0U, uid);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
