using System.Text;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary><see cref="ProcStatusParser.TryParseNamespacePid"/>: the last field of <c>NSpid:</c>, the pid as the process sees it.</summary>
public class ProcStatusParserNamespacePidTests
{
    private const string Before = "Name:\tsh\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t7001\nNgid:\t0\nPid:\t7001\nPPid:\t7000\n";
    private const string After = "NSpgid:\t7001\nNSsid:\t7000\nVmPeak:\t   12000 kB\nThreads:\t1\n";

    [Theory]
    [InlineData("NSpid:\t7001\n", 7001)] // the reader's own namespace
    [InlineData("NSpid:\t7001\t1\n", 1)] // a container's first process
    [InlineData("NSpid:\t7001\t45\t3\n", 3)] // a namespace inside a container's
    [InlineData("NSpid:\t7001\t45 \t\n", 45)] // trailing blanks
    public void Parses_the_last_field_at_any_depth(string line, int expected)
    {
        Assert.True(ProcStatusParser.TryParseNamespacePid(Bytes(Before + line + After), out var namespacePid));

        Assert.Equal(expected, namespacePid);
    }

    [Theory]
    [InlineData(Before + After)] // before Linux 4.1: no NSpid line
    [InlineData("")]
    [InlineData("NSpid:\n")]
    [InlineData("NSpid:\t\n")]
    [InlineData("NSpid:\t7001\tx\n")]
    [InlineData("NSpid:\t7001\t-1\n")]
    [InlineData("NSpid:\t7001\t0\n")]
    [InlineData("NSpid:\t7001\t99999999999\n")]
    [InlineData("NSpid:7001\n")]
    [InlineData("NSpidx\t7001\n")]
    [InlineData("Pid:\t7001\nNSpid\t5\n")]
    public void Fails_without_a_well_formed_NSpid_line(string status)
    {
        Assert.False(ProcStatusParser.TryParseNamespacePid(Bytes(status), out var namespacePid));

        Assert.Equal(0, namespacePid);
    }

    [Fact]
    public void The_last_line_needs_no_newline()
    {
        Assert.True(ProcStatusParser.TryParseNamespacePid(Bytes(Before + "NSpid:\t7001\t45\t3"), out var namespacePid));

        Assert.Equal(3, namespacePid);
    }

    [Fact]
    public void Only_the_first_NSpid_line_counts()
    {
        Assert.True(ProcStatusParser.TryParseNamespacePid(Bytes("NSpid:\t9\t2\nNSpid:\t9\t3\n"), out var namespacePid));

        Assert.Equal(2, namespacePid);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
