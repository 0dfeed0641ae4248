using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>Copies each record a drain hands over (tests only: the source proper reads them in place).</summary>
internal struct RecordList : IRingBufferConsumer
{
    public RecordList()
    {
    }

    public List<byte[]> Records { get; } = [];

    public readonly void OnRecord(ReadOnlySpan<byte> record) => Records.Add(record.ToArray());
}
