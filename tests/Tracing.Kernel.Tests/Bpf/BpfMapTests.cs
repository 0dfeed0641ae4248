using Tracing.Linux.Bpf.Maps;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>Maps made, written and read back through the kernel.</summary>
public sealed class BpfMapTests
{
    [Fact]
    public void An_array_element_written_is_read_back_and_an_index_past_the_end_is_none()
    {
        using var map = BpfMap.Create(BpfMapType.Array, "t_array", 4, 8, 4);
        var key = BitConverter.GetBytes(3);
        map.Update(key, BitConverter.GetBytes(0x1122334455667788));

        var value = new byte[8];
        Assert.True(map.TryLookup(key, value));
        Assert.Equal(0x1122334455667788, BitConverter.ToInt64(value));
        Assert.False(map.TryLookup(BitConverter.GetBytes(4), value));
    }

    [Fact]
    public void A_hash_has_only_what_was_written()
    {
        using var map = BpfMap.Create(BpfMapType.Hash, "t_hash", 8, 4, 16);
        map.Update(BitConverter.GetBytes(42L), BitConverter.GetBytes(7));

        var value = new byte[4];
        Assert.True(map.TryLookup(BitConverter.GetBytes(42L), value));
        Assert.Equal(7, BitConverter.ToInt32(value));
        Assert.False(map.TryLookup(BitConverter.GetBytes(43L), value));
    }

    [Fact]
    public void A_per_CPU_array_holds_one_value_per_possible_CPU()
    {
        using var map = BpfMap.Create(BpfMapType.PerCpuArray, "t_percpu", 4, 4, 1);
        Assert.Equal(8 * PossibleCpus.Count, map.ValueBufferSize);
        var values = new byte[map.ValueBufferSize];
        for (var cpu = 0; cpu < PossibleCpus.Count; cpu++)
        {
            BitConverter.TryWriteBytes(values.AsSpan(cpu * 8), cpu + 100);
        }

        map.Update(new byte[4], values);
        var read = new byte[map.ValueBufferSize];
        Assert.True(map.TryLookup(new byte[4], read));
        Assert.Equal(values, read);
        Assert.Throws<ArgumentException>(() => map.TryLookup(new byte[4], new byte[4]));
    }

    [Fact]
    public void A_shape_the_kernel_refuses_is_an_IOException_with_its_errno()
    {
        // An array's key must be 4 bytes: EINVAL.
        var error = Assert.Throws<IOException>(() => BpfMap.Create(BpfMapType.Array, "t_bad", 8, 8, 1));
        Assert.Equal(22, error.HResult);
    }
}
