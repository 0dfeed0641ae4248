using System.Buffers.Binary;
using static Interop.Libc;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>
/// Runs a classic BPF program over a packet as the kernel does, for the few instructions socket filters here use:
/// word loads (big-endian; out of bounds ends with 0, a drop), tax, jeq against k or x, ret k.
/// </summary>
internal static class ClassicBpf
{
    public static uint Run(ReadOnlySpan<SockFilter> program, ReadOnlySpan<byte> packet)
    {
        uint a = 0, x = 0;
        for (var pc = 0; pc < program.Length; pc++)
        {
            var instruction = program[pc];
            switch (instruction.code)
            {
                case 0x20: // BPF_LD | BPF_W | BPF_ABS
                    if (packet.Length < 4 || instruction.k > (uint)(packet.Length - 4))
                    {
                        return 0;
                    }

                    a = BinaryPrimitives.ReadUInt32BigEndian(packet[(int)instruction.k..]);
                    break;
                case 0x07: // BPF_MISC | BPF_TAX
                    x = a;
                    break;
                case 0x15: // BPF_JMP | BPF_JEQ | BPF_K
                    pc += a == instruction.k ? instruction.jt : instruction.jf;
                    break;
                case 0x1d: // BPF_JMP | BPF_JEQ | BPF_X
                    pc += a == x ? instruction.jt : instruction.jf;
                    break;
                case 0x06: // BPF_RET | BPF_K
                    return instruction.k;
                default:
                    throw new NotSupportedException($"BPF opcode 0x{instruction.code:x} is not in this interpreter.");
            }
        }

        throw new InvalidOperationException("The program ran off its end: the kernel refuses such a program.");
    }
}
