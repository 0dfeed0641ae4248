using Tracing.Linux.Bpf;
using Tracing.Linux.Bpf.Assembly;
using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// The eBPF groundwork against the real kernel (issue 17): a program the assembler writes is loaded, and one the
/// verifier refuses is refused with the verifier's own words. Runs as root.
/// </summary>
public sealed class BpfProgramLoadTests
{
    [Fact]
    public void A_program_the_assembler_writes_is_loaded_and_held_by_its_fd()
    {
        // r6 = r1 (the context); r0 = bpf_get_current_pid_tgid(); if r0 == 0 goto out; r0 = 0; out: exit
        var program = new BpfAssembler()
            .Mov64(BpfRegister.R6, BpfRegister.R1)
            .Call(14)
            .JumpIf(JumpEqual, BpfRegister.R0, 0, "out")
            .Mov64(BpfRegister.R0, 0)
            .Label("out")
            .Exit()
            .ToArray();

        using var loaded = BpfProgramLoader.LoadTracepointProgram(program);

        Assert.False(loaded.IsInvalid);
        var fd = loaded.DangerousGetHandle().ToInt32();
        var info = File.ReadAllText($"/proc/{Environment.ProcessId}/fdinfo/{fd}");
        Assert.Contains("prog_type:\t5", info, StringComparison.Ordinal);
        Assert.Contains("prog_jited:", info, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_the_verifier_refuses_is_refused_with_its_words()
    {
        // R0 is read before anything wrote it: the verifier says so.
        var program = new BpfAssembler().Mov64(BpfRegister.R1, BpfRegister.R0).Exit().ToArray();

        var error = Assert.Throws<IOException>(() => BpfProgramLoader.LoadTracepointProgram(program));

        Assert.Contains("The verifier said:", error.Message, StringComparison.Ordinal);
        Assert.Contains("R0 !read_ok", error.Message, StringComparison.Ordinal);
    }
}
