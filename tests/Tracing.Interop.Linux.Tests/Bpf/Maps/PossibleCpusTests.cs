using Tracing.Linux.Bpf.Maps;

namespace Tracing.Linux.Tests.Bpf.Maps;

public sealed class PossibleCpusTests
{
    [Theory]
    [InlineData("0\n", 1)]
    [InlineData("0-1\n", 2)]
    [InlineData("0,2-5", 6)]
    [InlineData("0-3,8", 9)]
    public void The_count_is_one_past_the_highest_CPU_listed(string list, int expected) =>
        Assert.Equal(expected, PossibleCpus.Parse(list));

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    public void A_list_without_CPUs_is_refused(string list) => Assert.Throws<FormatException>(() => PossibleCpus.Parse(list));

    [Fact]
    public void This_machine_has_at_least_as_many_possible_CPUs_as_online_ones() =>
        Assert.True(PossibleCpus.Count >= Environment.ProcessorCount);
}
