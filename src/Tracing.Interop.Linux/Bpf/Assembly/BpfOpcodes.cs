namespace Tracing.Linux.Bpf.Assembly;

/// <summary>
/// The parts an opcode is made of (RFC 9669, include/uapi/linux/bpf_common.h and bpf.h): a class in the low three
/// bits; for loads and stores a size and a mode, for arithmetic and jumps a source bit and an operation.
/// </summary>
internal static class BpfOpcodes
{
    // Classes.
    public const byte ClassLoad = 0x00, ClassLoadRegister = 0x01, ClassStore = 0x02, ClassStoreRegister = 0x03;
    public const byte ClassAlu32 = 0x04, ClassJump = 0x05, ClassJump32 = 0x06, ClassAlu64 = 0x07;

    // Sizes and modes of loads and stores.
    public const byte SizeWord = 0x00, SizeHalf = 0x08, SizeByte = 0x10, SizeDouble = 0x18;
    public const byte ModeImmediate = 0x00, ModeMemory = 0x60, ModeAtomic = 0xC0;

    // The source operand of arithmetic and jumps: the immediate (K) or the source register (X).
    public const byte SourceImmediate = 0x00, SourceRegister = 0x08;

    // Arithmetic operations.
    public const byte Add = 0x00, Sub = 0x10, Mul = 0x20, Div = 0x30, Or = 0x40, And = 0x50, LeftShift = 0x60;
    public const byte RightShift = 0x70, Neg = 0x80, Mod = 0x90, Xor = 0xA0, Mov = 0xB0, ArithmeticRightShift = 0xC0;

    // Jump operations.
    public const byte JumpAlways = 0x00, JumpEqual = 0x10, JumpGreater = 0x20, JumpGreaterOrEqual = 0x30, JumpSet = 0x40;
    public const byte JumpNotEqual = 0x50, JumpSignedGreater = 0x60, JumpSignedGreaterOrEqual = 0x70, Call = 0x80, Exit = 0x90;
    public const byte JumpLess = 0xA0, JumpLessOrEqual = 0xB0, JumpSignedLess = 0xC0, JumpSignedLessOrEqual = 0xD0;

    /// <summary>A 64-bit immediate load's source register when the immediate is a map's fd (<c>BPF_PSEUDO_MAP_FD</c>).</summary>
    public const BpfRegister PseudoMapFd = BpfRegister.R1;
}
