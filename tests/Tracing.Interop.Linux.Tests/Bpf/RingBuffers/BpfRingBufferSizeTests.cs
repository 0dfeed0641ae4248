using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Linux.Tests.Bpf.RingBuffers;

/// <summary>Sizes the kernel would refuse are refused before any map is made (so without privileges too).</summary>
public sealed class BpfRingBufferSizeTests
{
    public static TheoryData<int> BadSizes => [0, -4096, Environment.SystemPageSize + 8, 3 * Environment.SystemPageSize, Environment.SystemPageSize / 2, int.MinValue];

    [Theory]
    [MemberData(nameof(BadSizes))]
    public void A_size_not_a_power_of_two_multiple_of_the_page_is_refused(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BpfRingBuffer.Create("bad", size));
        Assert.Contains("power of two", error.Message, StringComparison.Ordinal);
    }
}
