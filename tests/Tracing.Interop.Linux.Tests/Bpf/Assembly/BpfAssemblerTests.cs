using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tracing.Linux.Bpf.Assembly;
using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Linux.Tests.Bpf.Assembly;

/// <summary>
/// Each instruction's bytes against RFC 9669's opcode table (Appendix A, as the IANA "BPF Instruction Set" registry
/// lists it): the opcode byte, then dst | src &lt;&lt; 4, the offset and the immediate, little-endian.
/// </summary>
public class BpfAssemblerTests
{
    [Fact]
    public void An_instruction_is_the_kernels_8_byte_struct_bpf_insn()
    {
        Assert.Equal(8, Unsafe.SizeOf<BpfInstruction>());
        Assert.Equal(8, Marshal.SizeOf<BpfInstruction>());
    }

    private static readonly Dictionary<string, Func<BpfAssembler, BpfAssembler>> s_writers = new()
    {
        ["r0 = 0"] = a => a.Mov64(BpfRegister.R0, 0),
        ["r6 = r1"] = a => a.Mov64(BpfRegister.R6, BpfRegister.R1),
        ["r2 += -8"] = a => a.Alu64(Add, BpfRegister.R2, -8),
        ["r3 &= r4"] = a => a.Alu64(And, BpfRegister.R3, BpfRegister.R4),
        ["r2 = *(u64 *)(r1 + 24)"] = a => a.Load(BpfSize.Double, BpfRegister.R2, BpfRegister.R1, 24),
        ["r2 = *(u32 *)(r1 + 16)"] = a => a.Load(BpfSize.Word, BpfRegister.R2, BpfRegister.R1, 16),
        ["r2 = *(u8 *)(r1 + 1)"] = a => a.Load(BpfSize.Byte, BpfRegister.R2, BpfRegister.R1, 1),
        ["*(u64 *)(r10 - 8) = r1"] = a => a.Store(BpfSize.Double, BpfRegister.R10, -8, BpfRegister.R1),
        ["*(u32 *)(r10 - 4) = 7"] = a => a.Store(BpfSize.Word, BpfRegister.R10, -4, 7),
        ["lock *(u64 *)(r0 + 8) += r1"] = a => a.AtomicAdd64(BpfRegister.R0, 8, BpfRegister.R1),
        ["call 14 (get_current_pid_tgid)"] = a => a.Call(14),
        ["exit"] = a => a.Exit(),
    };

    public static TheoryData<string, string> Encodings() => new()
    {
        { "r0 = 0", "b7 00 0000 00000000" },
        { "lock *(u64 *)(r0 + 8) += r1", "db 10 0800 00000000" },
        { "r6 = r1", "bf 16 0000 00000000" },
        { "r2 += -8", "07 02 0000 f8ffffff" },
        { "r3 &= r4", "5f 43 0000 00000000" },
        { "r2 = *(u64 *)(r1 + 24)", "79 12 1800 00000000" },
        { "r2 = *(u32 *)(r1 + 16)", "61 12 1000 00000000" },
        { "r2 = *(u8 *)(r1 + 1)", "71 12 0100 00000000" },
        { "*(u64 *)(r10 - 8) = r1", "7b 1a f8ff 00000000" },
        { "*(u32 *)(r10 - 4) = 7", "62 0a fcff 07000000" },
        { "call 14 (get_current_pid_tgid)", "85 00 0000 0e000000" },
        { "exit", "95 00 0000 00000000" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void An_instruction_has_the_specifications_bytes(string what, string expected)
    {
        var program = s_writers[what](new BpfAssembler()).ToArray();

        Assert.True(Hex(program) == expected.Replace(" ", string.Empty, StringComparison.Ordinal), what);
    }

    [Fact]
    public void A_64_bit_immediate_takes_two_slots_low_half_first_and_a_map_fd_is_marked_by_its_source()
    {
        var program = new BpfAssembler().Load64(BpfRegister.R1, 0x1122334455667788).LoadMapFd(BpfRegister.R2, 9).ToArray();

        Assert.Equal("18010000" + "88776655" + "00000000" + "44332211" + "18120000" + "09000000" + "00000000" + "00000000", Hex(program));
    }

    [Fact]
    public void A_jump_counts_instructions_from_the_one_after_it_forwards_and_back()
    {
        var program = new BpfAssembler()
            .Label("top")                                         // 0
            .Mov64(BpfRegister.R0, 0)                             // 0
            .JumpIf(JumpEqual, BpfRegister.R0, 0, "out")          // 1: to 4, offset 2
            .Load64(BpfRegister.R1, 1)                            // 2-3
            .Label("out")
            .JumpIf(JumpNotEqual, BpfRegister.R0, BpfRegister.R1, "top") // 4: to 0, offset -5
            .Jump("end")                                          // 5: to 6, offset 0
            .Label("end")
            .Exit()                                               // 6
            .ToArray();

        Assert.Equal([(byte)0x15, (byte)0x5d, (byte)0x05], new[] { program[1].Code, program[4].Code, program[5].Code });
        Assert.Equal([(short)2, (short)-5, (short)0], new[] { program[1].Offset, program[4].Offset, program[5].Offset });
        Assert.Equal((BpfRegister.R0, BpfRegister.R1), (program[4].Destination, program[4].Source));
    }

    [Fact]
    public void A_label_never_placed_or_placed_twice_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new BpfAssembler().Jump("nowhere").Exit().ToArray());
        Assert.Throws<InvalidOperationException>(() => new BpfAssembler().Label("a").Exit().Label("a"));
    }

    private static string Hex(BpfInstruction[] program) =>
        Convert.ToHexStringLower(MemoryMarshal.AsBytes(program.AsSpan()));
}
