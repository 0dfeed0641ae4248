using NSubstitute;
using Tracing.Darwin.Sysctl;

namespace Tracing.Darwin.Tests.Sysctl;

public class ProcessTableReaderTests
{
    private static readonly byte[] s_three = KinfoProcBuilder.Table(
        KinfoProcBuilder.Record(1, 0, "launchd", 100), KinfoProcBuilder.Record(2, 1, "a", 101), KinfoProcBuilder.Record(3, 1, "b", 102));

    [Fact]
    public void First_read_asks_the_size_and_leaves_slack()
    {
        var kernel = new FakeKernel { Table = s_three };
        var buffer = Array.Empty<byte>();

        var length = new ProcessTableReader(kernel.Sysctl).ReadAll(ref buffer);

        Assert.Equal(3 * 648, length);
        Assert.Equal(1, kernel.SizeQueries);
        Assert.True(buffer.Length >= (3 + 5 + 32) * 648);
    }

    [Fact]
    public void A_roomy_buffer_is_reused_without_a_size_query()
    {
        var kernel = new FakeKernel { Table = s_three };
        var reader = new ProcessTableReader(kernel.Sysctl);
        var buffer = Array.Empty<byte>();
        reader.ReadAll(ref buffer);
        var first = buffer;

        var length = reader.ReadAll(ref buffer);

        Assert.Equal(3 * 648, length);
        Assert.Same(first, buffer);
        Assert.Equal(1, kernel.SizeQueries);
    }

    [Fact]
    public void Enomem_asks_the_size_again_grows_and_retries()
    {
        var kernel = new FakeKernel { Table = s_three };
        var buffer = new byte[2 * 648];

        var length = new ProcessTableReader(kernel.Sysctl).ReadAll(ref buffer);

        Assert.Equal(3 * 648, length);
        Assert.Equal(1, kernel.SizeQueries);
        kernel.Sysctl.Received(2).Read(Arg.Is<int[]>(n => n.SequenceEqual(new[] { 1, 14, 0 })), Arg.Is<byte[]?>(b => b != null), Arg.Any<int>());
    }

    [Fact]
    public void A_table_that_outgrows_size_and_slack_is_retried_until_it_fits()
    {
        var kernel = new FakeKernel { Table = s_three };
        kernel.GrowthAfterSizeQuery.Enqueue(200);
        kernel.GrowthAfterSizeQuery.Enqueue(300);
        var buffer = Array.Empty<byte>();

        var length = new ProcessTableReader(kernel.Sysctl).ReadAll(ref buffer);

        Assert.Equal((3 + 200 + 300) * 648, length);
        Assert.Equal(3, kernel.SizeQueries);
    }

    [Fact]
    public void Endless_enomem_gives_up_after_the_cap_with_an_io_error()
    {
        var sysctl = Substitute.For<ISysctl>();
        sysctl.Read(Arg.Any<int[]>(), null, 0).Returns(new SysctlResult(0, 648));
        sysctl.Read(Arg.Any<int[]>(), Arg.Is<byte[]?>(b => b != null), Arg.Any<int>()).Returns(new SysctlResult(12, 648));
        var buffer = Array.Empty<byte>();

        Assert.Throws<IOException>(() => new ProcessTableReader(sysctl).ReadAll(ref buffer));
        sysctl.Received(ProcessTableReader.MaxAttempts).Read(Arg.Any<int[]>(), null, 0);
    }

    [Theory]
    [InlineData(647)]
    [InlineData(649)]
    [InlineData(1396)]
    public void A_length_that_is_not_a_multiple_of_648_is_an_error(long length)
    {
        var sysctl = Substitute.For<ISysctl>();
        sysctl.Read(Arg.Any<int[]>(), Arg.Any<byte[]?>(), Arg.Any<int>()).Returns(new SysctlResult(0, length));
        var buffer = Array.Empty<byte>();

        Assert.Throws<IOException>(() => new ProcessTableReader(sysctl).ReadAll(ref buffer));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    public void A_sandbox_refusal_says_tracing_is_unavailable(int errno)
    {
        var sysctl = Substitute.For<ISysctl>();
        sysctl.Read(Arg.Any<int[]>(), Arg.Any<byte[]?>(), Arg.Any<int>()).Returns(new SysctlResult(errno, 0));
        var buffer = Array.Empty<byte>();

        Assert.Throws<TracingUnavailableException>(() => new ProcessTableReader(sysctl).ReadAll(ref buffer));
    }

    [Fact]
    public void One_pid_is_read_and_a_missing_pid_is_gone()
    {
        var reader = new ProcessTableReader(new FakeKernel { Table = s_three }.Sysctl);

        Assert.True(reader.TryRead(2, out var record));
        Assert.Equal("a", record.CommandName.ToString());
        Assert.False(reader.TryRead(99, out _));
    }
}
