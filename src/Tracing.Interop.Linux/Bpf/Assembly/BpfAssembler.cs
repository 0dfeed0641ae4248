using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Linux.Bpf.Assembly;

/// <summary>
/// Writes an eBPF program instruction by instruction, as the kernel's <c>BPF_*</c> macros do, with named labels for
/// jumps: a jump's offset (in instructions, from the one after it) is filled in when the program is taken. The
/// verifier, not this, decides whether a program is safe; this only spells it.
/// </summary>
internal sealed class BpfAssembler
{
    private readonly List<BpfInstruction> _instructions = [];
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly List<(int At, string Label)> _jumps = [];

    /// <summary>How many instruction slots are written (a 64-bit immediate load takes two).</summary>
    public int Count => _instructions.Count;

    /// <summary><c>dst = imm</c>, 64-bit.</summary>
    public BpfAssembler Mov64(BpfRegister dst, int imm) => Alu64(Mov, dst, imm);

    /// <summary><c>dst = src</c>, 64-bit.</summary>
    public BpfAssembler Mov64(BpfRegister dst, BpfRegister src) => Alu64(Mov, dst, src);

    /// <summary><c>dst OP= imm</c>, 64-bit (<see cref="BpfOpcodes.Add"/>, ...).</summary>
    public BpfAssembler Alu64(byte operation, BpfRegister dst, int imm) =>
        Emit(new((byte)(ClassAlu64 | operation | SourceImmediate), dst, BpfRegister.R0, 0, imm));

    /// <summary><c>dst OP= src</c>, 64-bit.</summary>
    public BpfAssembler Alu64(byte operation, BpfRegister dst, BpfRegister src) =>
        Emit(new((byte)(ClassAlu64 | operation | SourceRegister), dst, src, 0, 0));

    /// <summary><c>dst = *(size *)(src + offset)</c>.</summary>
    public BpfAssembler Load(BpfSize size, BpfRegister dst, BpfRegister src, short offset) =>
        Emit(new((byte)(ClassLoadRegister | ModeMemory | (byte)size), dst, src, offset, 0));

    /// <summary><c>*(size *)(dst + offset) = src</c>.</summary>
    public BpfAssembler Store(BpfSize size, BpfRegister dst, short offset, BpfRegister src) =>
        Emit(new((byte)(ClassStoreRegister | ModeMemory | (byte)size), dst, src, offset, 0));

    /// <summary><c>*(size *)(dst + offset) = imm</c>.</summary>
    public BpfAssembler Store(BpfSize size, BpfRegister dst, short offset, int imm) =>
        Emit(new((byte)(ClassStore | ModeMemory | (byte)size), dst, BpfRegister.R0, offset, imm));

    /// <summary>
    /// <c>lock *(u64 *)(dst + offset) += src</c>: an atomic add (<c>BPF_ATOMIC</c>, immediate <c>BPF_ADD</c>), which
    /// counters shared by every CPU need.
    /// </summary>
    public BpfAssembler AtomicAdd64(BpfRegister dst, short offset, BpfRegister src) =>
        Emit(new((byte)(ClassStoreRegister | ModeAtomic | SizeDouble), dst, src, offset, Add));

    /// <summary><c>dst = imm64</c>: two slots, the low half's immediate in the first, the high half's in the second.</summary>
    public BpfAssembler Load64(BpfRegister dst, long imm) => LoadImmediate64(dst, BpfRegister.R0, imm);

    /// <summary><c>dst = map</c>: the map's fd in a 64-bit immediate load, which the kernel turns into the map's address.</summary>
    public BpfAssembler LoadMapFd(BpfRegister dst, int mapFd) => LoadImmediate64(dst, PseudoMapFd, (uint)mapFd);

    /// <summary>
    /// <c>dst = map</c> for the map open in <paramref name="map"/>; the fd must stay open until the program is loaded
    /// (the loaded program then holds the map itself).
    /// </summary>
    public BpfAssembler LoadMapFd(BpfRegister dst, SafeFileDescriptor map) => LoadMapFd(dst, (int)map.DangerousGetHandle());

    /// <summary>Calls the kernel helper numbered <paramref name="helper"/> (arguments in R1–R5, result in R0).</summary>
    public BpfAssembler Call(int helper) => Emit(new((byte)(ClassJump | BpfOpcodes.Call | SourceImmediate), BpfRegister.R0, BpfRegister.R0, 0, helper));

    /// <summary>Returns R0.</summary>
    public BpfAssembler Exit() => Emit(new((byte)(ClassJump | BpfOpcodes.Exit), BpfRegister.R0, BpfRegister.R0, 0, 0));

    /// <summary>Jumps to <paramref name="label"/>.</summary>
    public BpfAssembler Jump(string label) => EmitJump(new((byte)(ClassJump | JumpAlways), BpfRegister.R0, BpfRegister.R0, 0, 0), label);

    /// <summary>Jumps to <paramref name="label"/> when <c>dst OP imm</c> (64-bit compare: <see cref="BpfOpcodes.JumpEqual"/>, ...).</summary>
    public BpfAssembler JumpIf(byte operation, BpfRegister dst, int imm, string label) =>
        EmitJump(new((byte)(ClassJump | operation | SourceImmediate), dst, BpfRegister.R0, 0, imm), label);

    /// <summary>Jumps to <paramref name="label"/> when <c>dst OP src</c>.</summary>
    public BpfAssembler JumpIf(byte operation, BpfRegister dst, BpfRegister src, string label) =>
        EmitJump(new((byte)(ClassJump | operation | SourceRegister), dst, src, 0, 0), label);

    /// <summary>Places <paramref name="label"/> at the next instruction.</summary>
    /// <exception cref="InvalidOperationException">The label is placed already.</exception>
    public BpfAssembler Label(string label)
    {
        if (!_labels.TryAdd(label, _instructions.Count))
        {
            throw new InvalidOperationException($"The label '{label}' is placed twice.");
        }

        return this;
    }

    /// <summary>The program, every jump's offset filled in.</summary>
    /// <exception cref="InvalidOperationException">A jump's label was never placed, or is too far for a 16-bit offset.</exception>
    public BpfInstruction[] ToArray()
    {
        var program = _instructions.ToArray();
        foreach (var (at, label) in _jumps)
        {
            if (!_labels.TryGetValue(label, out var target))
            {
                throw new InvalidOperationException($"The label '{label}' is jumped to but never placed.");
            }

            var offset = target - (at + 1);
            if (offset is < short.MinValue or > short.MaxValue)
            {
                throw new InvalidOperationException($"The jump to '{label}' spans {offset} instructions: more than a 16-bit offset holds.");
            }

            program[at] = program[at].WithOffset((short)offset);
        }

        return program;
    }

    private BpfAssembler LoadImmediate64(BpfRegister dst, BpfRegister source, long imm)
    {
        Emit(new((byte)(ClassLoad | ModeImmediate | SizeDouble), dst, source, 0, unchecked((int)imm)));
        return Emit(new(0, BpfRegister.R0, BpfRegister.R0, 0, unchecked((int)(imm >> 32))));
    }

    private BpfAssembler EmitJump(BpfInstruction instruction, string label)
    {
        _jumps.Add((_instructions.Count, label));
        return Emit(instruction);
    }

    private BpfAssembler Emit(BpfInstruction instruction)
    {
        _instructions.Add(instruction);
        return this;
    }
}
