using System.Text;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

public class NamespaceLinkTests
{
    [Theory]
    [InlineData("pid:[4026531836]", "pid", 4026531836UL)]
    [InlineData("user:[4026531837]", "user", 4026531837UL)]
    [InlineData("pid:[18446744073709551615]", "pid", ulong.MaxValue)]
    public void Parses_the_inode(string target, string type, ulong expected)
    {
        Assert.True(NamespaceLink.TryParse(Bytes(target), Bytes(type), out var inode));

        Assert.Equal(expected, inode);
    }

    [Theory]
    [InlineData("user:[4026531837]", "pid")]
    [InlineData("pid_for_children:[4026531836]", "pid")]
    [InlineData("pid:[]", "pid")]
    [InlineData("pid:[0]", "pid")]
    [InlineData("pid:[12", "pid")]
    [InlineData("pid:12]", "pid")]
    [InlineData("pid:[-1]", "pid")]
    [InlineData("pid:[1 ]", "pid")]
    [InlineData("pid:[18446744073709551616]", "pid")]
    [InlineData("pid", "pid")]
    [InlineData("", "pid")]
    public void Fails_on_any_other_target(string target, string type)
    {
        Assert.False(NamespaceLink.TryParse(Bytes(target), Bytes(type), out var inode));

        Assert.Equal(0UL, inode);
    }

    [Fact]
    public void Reads_this_process_s_own_links()
    {
        var pid = File.ResolveLinkTarget("/proc/self/ns/pid", returnFinalTarget: false)!.Name;

        Assert.Equal(0, NamespaceLink.TryRead("/proc/self/ns/pid\0"u8, "pid"u8, out var inode));

        Assert.Equal($"pid:[{inode}]", pid);
    }

    [Fact]
    public void A_missing_link_is_its_errno()
    {
        Assert.Equal(Interop.Errno.ENOENT, NamespaceLink.TryRead("/proc/self/ns/none\0"u8, "pid"u8, out var inode));

        Assert.Equal(0UL, inode);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
