using System.Text;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

public class ProcStatParserTests
{
    // A real line from this kernel (bash), fields 1..52.
    private const string BashStat =
        "4242 (bash) S 4200 4242 4242 34816 4250 4194560 1800 6000 0 2 3 1 9 4 20 0 1 0 123456 9252864 1279 " +
        "18446744073709551615 1 1 0 0 0 0 65536 3686404 1266761467 0 0 0 17 3 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    [Fact]
    public void Parses_pid_comm_state_and_parent()
    {
        Assert.True(ProcStatParser.TryParse(Bytes(BashStat), out var stat));

        Assert.Equal(4242, stat.Pid);
        Assert.Equal("bash", stat.CommandName);
        Assert.Equal('S', stat.State);
        Assert.Equal(4200, stat.ParentPid);
    }

    [Fact]
    public void Parses_start_time_from_field_22()
    {
        Assert.True(ProcStatParser.TryParse(Bytes(BashStat), out var stat, out var startTime));

        Assert.Equal(123456UL, startTime);
        Assert.Equal(4200, stat.ParentPid);
    }

    [Theory]
    [InlineData("a) (b")]
    [InlineData("x) S 1 2 (")]
    [InlineData("two words")]
    [InlineData("new\nline)")]
    [InlineData("()")]
    [InlineData("")]
    public void Command_name_runs_to_the_last_closing_parenthesis(string comm)
    {
        var line = $"77 ({comm}) Z 1 77 77 0 -1 4194564 0 0 0 0 0 0 0 0 20 0 1 0 999 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";

        Assert.True(ProcStatParser.TryParse(Bytes(line), out var stat, out var startTime));

        Assert.Equal(77, stat.Pid);
        Assert.Equal(comm, stat.CommandName);
        Assert.Equal('Z', stat.State);
        Assert.True(stat.IsZombie);
        Assert.Equal(1, stat.ParentPid);
        Assert.Equal(999UL, startTime);
    }

    [Fact]
    public void Kernel_thread_with_parent_zero_parses()
    {
        Assert.True(ProcStatParser.TryParse(Bytes("2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0"), out var stat, out var startTime));

        Assert.Equal(0, stat.ParentPid);
        Assert.Equal(5UL, startTime);
    }

    [Fact]
    public void Without_start_time_only_the_short_form_succeeds()
    {
        var truncated = Bytes("12 (sh) R 11 12 12");

        Assert.True(ProcStatParser.TryParse(truncated, out var stat));
        Assert.Equal(11, stat.ParentPid);
        Assert.False(ProcStatParser.TryParse(truncated, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("12")]
    [InlineData("12 (sh")]
    [InlineData("12 sh) R 1")]
    [InlineData("(sh) R 1 2")]
    [InlineData("x (sh) R 1 2")]
    [InlineData("-12 (sh) R 1 2")]
    [InlineData("12 (sh)")]
    [InlineData("12 (sh) R")]
    [InlineData("12 (sh) R x 2")]
    [InlineData("12 (sh) RR 1 2")]
    [InlineData("12 (sh)R 1 2")]
    [InlineData("99999999999 (sh) R 1 2")]
    public void Malformed_input_is_rejected_without_throwing(string text)
    {
        Assert.False(ProcStatParser.TryParse(Bytes(text), out var stat));
        Assert.Equal(default, stat);
    }

    [Fact]
    public void Allocates_only_the_command_name()
    {
        var line = Bytes(BashStat);
        Assert.True(ProcStatParser.TryParse(line, out _, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = ProcStatParser.TryParse(line, out _, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(parsed);

        // One 4-char string: object header, length and characters.
        Assert.InRange(allocated, 1, 40);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
