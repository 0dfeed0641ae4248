using Tracing.Linux.Bpf.Assembly;
using static Interop.Libc;

namespace Tracing.Linux.Tests.Libc;

internal static partial class ManagedLayout
{
    /// <summary>bpf(2): the instruction, BPF_PROG_LOAD's members of union bpf_attr, and the opcode parts the assembler uses.</summary>
    private static KeyValuePair<string, Func<long>[]>[] Bpf() =>
    [
        new("sizeof struct bpf_insn", Size<BpfInstruction>()),
        new("offsetof union bpf_attr.prog_type", Offset<BpfProgLoadAttr>("prog_type")),
        new("offsetof union bpf_attr.insn_cnt", Offset<BpfProgLoadAttr>("insn_cnt")),
        new("offsetof union bpf_attr.insns", Offset<BpfProgLoadAttr>("insns")),
        new("offsetof union bpf_attr.license", Offset<BpfProgLoadAttr>("license")),
        new("offsetof union bpf_attr.log_level", Offset<BpfProgLoadAttr>("log_level")),
        new("offsetof union bpf_attr.log_size", Offset<BpfProgLoadAttr>("log_size")),
        new("offsetof union bpf_attr.log_buf", Offset<BpfProgLoadAttr>("log_buf")),
        new("offsetof union bpf_attr.kern_version", Offset<BpfProgLoadAttr>("kern_version")),
        new("offsetof union bpf_attr.prog_flags", Offset<BpfProgLoadAttr>("prog_flags")),
        new("const BPF_PROG_LOAD", [() => BPF_PROG_LOAD]),
        new("const BPF_PROG_TYPE_TRACEPOINT", [() => BPF_PROG_TYPE_TRACEPOINT]),
        new("const BPF_PSEUDO_MAP_FD", [() => (long)BpfOpcodes.PseudoMapFd]),
        new("const BPF_ALU64", [() => BpfOpcodes.ClassAlu64]),
        new("const BPF_JMP", [() => BpfOpcodes.ClassJump]),
        new("const BPF_LDX", [() => BpfOpcodes.ClassLoadRegister]),
        new("const BPF_STX", [() => BpfOpcodes.ClassStoreRegister]),
        new("const BPF_ST", [() => BpfOpcodes.ClassStore]),
        new("const BPF_MEM", [() => BpfOpcodes.ModeMemory]),
        new("const BPF_DW", [() => BpfOpcodes.SizeDouble]),
        new("const BPF_B", [() => BpfOpcodes.SizeByte]),
        new("const BPF_H", [() => BpfOpcodes.SizeHalf]),
        new("const BPF_W", [() => BpfOpcodes.SizeWord]),
        new("const BPF_X", [() => BpfOpcodes.SourceRegister]),
        new("const BPF_MOV", [() => BpfOpcodes.Mov]),
        new("const BPF_ADD", [() => BpfOpcodes.Add]),
        new("const BPF_AND", [() => BpfOpcodes.And]),
        new("const BPF_JNE", [() => BpfOpcodes.JumpNotEqual]),
        new("const BPF_JLT", [() => BpfOpcodes.JumpLess]),
        new("const BPF_JSLE", [() => BpfOpcodes.JumpSignedLessOrEqual]),
        new("const BPF_CALL", [() => BpfOpcodes.Call]),
        new("const BPF_EXIT", [() => BpfOpcodes.Exit]),
    ];
}
