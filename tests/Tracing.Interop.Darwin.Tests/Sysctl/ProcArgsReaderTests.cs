using System.Text.Json;
using NSubstitute;
using Tracing.Darwin.Sysctl;

namespace Tracing.Darwin.Tests.Sysctl;

public class ProcArgsReaderTests
{
    [Fact]
    public void Reads_with_a_kern_argmax_sized_buffer()
    {
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Record(42, 1, "git", 100) };
        kernel.Arguments[42] = ProcArgs2Builder.Buffer("/usr/bin/git", ["git", "commit", "-m", "first commit"], "PATH=/usr/bin:/bin");
        var reader = new ProcArgsReader(kernel.Sysctl);

        Assert.Equal(ProcArgsReadResult.Read, reader.TryRead(42, out var arguments, out var path));

        Assert.Equal("/usr/bin/git", path);
        Assert.Equal(["git", "commit", "-m", "first commit"], arguments!.Strings);
        kernel.Sysctl.Received(1).Read(Arg.Is<int[]>(n => n.SequenceEqual(new[] { 1, 49, 42 })), Arg.Any<byte[]?>(), FakeKernel.ArgMax);
    }

    public static TheoryData<string> Files => DarwinFixtures.Entries("procargs2");

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_every_procargs2_answer_as_expected_json_says(string file)
    {
        var expected = DarwinFixtures.Expected["procargs2"]![file]!;
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Record(42, 1, "x", 100) };
        kernel.Arguments[42] = DarwinFixtures.Read(file);

        var result = new ProcArgsReader(kernel.Sysctl).TryRead(42, out var arguments, out var path);

        if (expected.GetValueKind() == JsonValueKind.String)
        {
            // A live process whose answer cannot be decoded: not a crash, not a guess.
            Assert.Equal("error", (string)expected!);
            Assert.Equal((ProcArgsReadResult.NotPermitted, null, null), (result, arguments, path));
            return;
        }

        Assert.Equal(ProcArgsReadResult.Read, result);
        Assert.Equal((string)expected["exec_path"]!, path);
        Assert.Equal(expected["argv"]!.AsArray().Select(a => (string)a!), arguments!.Strings);
    }

    [Fact]
    public void Einval_for_a_pid_that_is_gone_is_gone()
    {
        var reader = new ProcArgsReader(new FakeKernel().Sysctl);

        Assert.Equal(ProcArgsReadResult.Gone, reader.TryRead(42, out _, out _));
    }

    [Fact]
    public void Einval_for_a_zombie_is_gone()
    {
        var reader = new ProcArgsReader(new FakeKernel { Table = KinfoProcBuilder.Record(42, 1, "git", 100, stat: 5) }.Sysctl);

        Assert.Equal(ProcArgsReadResult.Gone, reader.TryRead(42, out _, out _));
    }

    [Fact]
    public void Einval_for_a_live_process_is_not_permitted()
    {
        var reader = new ProcArgsReader(new FakeKernel { Table = KinfoProcBuilder.Record(42, 1, "loginwindow", 100, ruid: 0, euid: 0) }.Sysctl);

        Assert.Equal(ProcArgsReadResult.NotPermitted, reader.TryRead(42, out var arguments, out _));
        Assert.Null(arguments);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(12)]
    public void Other_failures_never_throw(int errno)
    {
        var sysctl = Substitute.For<ISysctl>();
        sysctl.Read(Arg.Any<int[]>(), Arg.Any<byte[]?>(), Arg.Any<int>()).Returns(new SysctlResult(errno, 0));

        var result = new ProcArgsReader(sysctl).TryRead(42, out _, out _);

        Assert.NotEqual(ProcArgsReadResult.Read, result);
    }

    [Fact]
    public void A_malformed_answer_is_not_permitted_rather_than_a_crash()
    {
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Record(42, 1, "x", 100) };
        kernel.Arguments[42] = [0xFC, 0xFF, 0xFF, 0xFF, .. "/bin/x\0\0x\0"u8]; // argc -4

        Assert.Equal(ProcArgsReadResult.NotPermitted, new ProcArgsReader(kernel.Sysctl).TryRead(42, out _, out _));
    }

    [Fact]
    public void Pid_zero_is_never_asked()
    {
        var kernel = new FakeKernel();

        Assert.Equal(ProcArgsReadResult.NotPermitted, new ProcArgsReader(kernel.Sysctl).TryRead(0, out _, out _));
        kernel.Sysctl.DidNotReceive().Read(Arg.Is<int[]>(n => n.Length == 3 && n[1] == 49), Arg.Any<byte[]?>(), Arg.Any<int>());
    }
}
