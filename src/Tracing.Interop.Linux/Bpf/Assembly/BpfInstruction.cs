using System.Runtime.InteropServices;

namespace Tracing.Linux.Bpf.Assembly;

/// <summary>
/// One eBPF instruction as <c>BPF_PROG_LOAD</c> takes it (<c>struct bpf_insn</c>, 8 bytes): the opcode, the destination
/// register in the low four bits and the source register in the high four bits of one byte, a signed 16-bit offset and
/// a signed 32-bit immediate. A 64-bit immediate load takes two (RFC 9669).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct BpfInstruction
{
    private readonly byte _code;
    private readonly byte _registers;
    private readonly short _offset;
    private readonly int _immediate;

    public BpfInstruction(byte code, BpfRegister destination, BpfRegister source, short offset, int immediate)
    {
        _code = code;
        _registers = (byte)(((byte)source << 4) | ((byte)destination & 0x0F));
        _offset = offset;
        _immediate = immediate;
    }

    public byte Code => _code;

    public BpfRegister Destination => (BpfRegister)(_registers & 0x0F);

    public BpfRegister Source => (BpfRegister)(_registers >> 4);

    public short Offset => _offset;

    public int Immediate => _immediate;

    /// <summary>The same instruction with another offset (a jump's, once its label is placed).</summary>
    public BpfInstruction WithOffset(short offset) => new(_code, Destination, Source, offset, _immediate);
}
