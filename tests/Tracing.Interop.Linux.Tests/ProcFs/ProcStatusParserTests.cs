using System.Text;
using Tracing.Linux.ProcFs;
using Tracing.Ports;

namespace Tracing.Linux.Tests.ProcFs;

public class ProcStatusParserTests
{
    private const string Status =
        "Name:\tsudo\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t5150\nNgid:\t0\nPid:\t5150\nPPid:\t5100\n" +
        "TracerPid:\t0\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\nFDSize:\t64\nGroups:\t4 27 1000 \n" +
        "VmPeak:\t   12000 kB\nThreads:\t1\n";

    [Fact]
    public void Parses_real_and_effective_uid()
    {
        Assert.True(ProcStatusParser.TryParse(Bytes(Status), out var credentials));

        Assert.Equal(new ProcessCredentials(1000, 0), credentials);
    }

    [Fact]
    public void Parses_tgid_and_parent_pid_too()
    {
        Assert.True(ProcStatusParser.TryParse(Bytes(Status), out var credentials, out var tgid, out var parentPid));

        Assert.Equal(new ProcessCredentials(1000, 0), credentials);
        Assert.Equal(5150, tgid);
        Assert.Equal(5100, parentPid);
    }

    [Fact]
    public void Without_uid_line_fails()
    {
        var status = "Name:\tx\nTgid:\t1\nPPid:\t0\nGid:\t0\t0\t0\t0\n";

        Assert.False(ProcStatusParser.TryParse(Bytes(status), out var credentials));
        Assert.Equal(default, credentials);
        Assert.False(ProcStatusParser.TryParse(Bytes(status), out _, out _, out _));
    }

    [Fact]
    public void Without_parent_pid_line_the_long_form_fails()
    {
        var status = "Tgid:\t1\nUid:\t0\t0\t0\t0\n";

        Assert.True(ProcStatusParser.TryParse(Bytes(status), out _));
        Assert.False(ProcStatusParser.TryParse(Bytes(status), out _, out _, out _));
    }

    [Fact]
    public void Last_line_without_newline_still_counts()
    {
        Assert.True(ProcStatusParser.TryParse(Bytes("Name:\tx\nUid:\t7\t8\t9\t10"), out var credentials));

        Assert.Equal(new ProcessCredentials(7, 8), credentials);
    }

    [Fact]
    public void Uid_above_int_max_keeps_its_bits()
    {
        Assert.True(ProcStatusParser.TryParse(Bytes("Uid:\t4294967294\t65534\t0\t0\n"), out var credentials));

        Assert.Equal(4294967294u, credentials.RealUid);
        Assert.Equal(65534u, credentials.EffectiveUid);
    }

    [Fact]
    public void A_command_name_that_looks_like_a_uid_line_is_not_one()
    {
        // status escapes a newline in comm as "\n", so a name cannot start a line of its own.
        Assert.True(ProcStatusParser.TryParse(Bytes("Name:\tUid:\t5\t5\nUid:\t1\t2\t3\t4\n"), out var credentials));

        Assert.Equal(new ProcessCredentials(1, 2), credentials);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Uid:")]
    [InlineData("Uid:\t\n")]
    [InlineData("Uid:\t1000\n")]
    [InlineData("Uid:\tx\t0\t0\t0\n")]
    [InlineData("Uid:\t1\t-2\t0\t0\n")]
    [InlineData("Uid:\t99999999999\t0\t0\t0\n")]
    public void Malformed_uid_line_is_rejected_without_throwing(string status)
    {
        Assert.False(ProcStatusParser.TryParse(Bytes(status), out _));
    }

    [Fact]
    public void Does_not_allocate()
    {
        var status = Bytes(Status);
        Assert.True(ProcStatusParser.TryParse(status, out _, out _, out _));
        Assert.True(ProcStatusParser.TryParse(status, out ProcessCredentials _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsedLong = ProcStatusParser.TryParse(status, out _, out _, out _);
        var parsedShort = ProcStatusParser.TryParse(status, out ProcessCredentials _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(parsedLong && parsedShort);
        Assert.Equal(0, allocated);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
