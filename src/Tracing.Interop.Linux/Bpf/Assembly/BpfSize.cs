namespace Tracing.Linux.Bpf.Assembly;

/// <summary>The width of a load or a store.</summary>
internal enum BpfSize : byte
{
    Byte = BpfOpcodes.SizeByte,
    Half = BpfOpcodes.SizeHalf,
    Word = BpfOpcodes.SizeWord,
    Double = BpfOpcodes.SizeDouble,
}
