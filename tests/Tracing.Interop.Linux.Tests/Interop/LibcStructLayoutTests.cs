namespace Tracing.Linux.Tests.Libc;

/// <summary>
/// Every size, offset and constant that crosses the boundary against what gcc reads from this machine's C headers:
/// Interop/StructLayout.c, compiled and run by the test (<see cref="CHeaders"/>), against the managed values of
/// <see cref="ManagedLayout"/>. Without gcc the tests fail and say to install it; they never fall back to numbers
/// typed in here.
/// </summary>
public class LibcStructLayoutTests
{
    public static TheoryData<string> Names => [.. ManagedLayout.Values.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_managed_value_is_the_one_the_headers_give(string name)
    {
        Assert.True(CHeaders.Values.TryGetValue(name, out var expected), $"StructLayout.c prints no '{name}'.");
        foreach (var managed in ManagedLayout.Values[name])
        {
            Assert.Equal(expected, managed());
        }
    }

    [Fact]
    public void Every_number_StructLayout_c_prints_has_a_managed_counterpart()
    {
        Assert.NotEmpty(CHeaders.Values);
        Assert.Empty(CHeaders.Values.Keys.Except(ManagedLayout.Values.Keys, StringComparer.Ordinal));
    }
}
