namespace Tracing.Linux.Bpf;

/// <summary>
/// What the kernel counts for a loaded program (struct bpf_prog_info, read with bpf(BPF_OBJ_GET_INFO_BY_FD)).
/// <see cref="RunTimeNanoseconds"/> and <see cref="RunCount"/> count only while statistics are enabled: the sysctl
/// <c>kernel.bpf_stats_enabled=1</c>, or a bpf(BPF_ENABLE_STATS) fd held open (Linux 5.8+); they cost a clock read
/// per run, so they are off by default and stay 0 then. <see cref="RecursionMisses"/> is always counted (Linux 5.12+).
/// </summary>
/// <param name="RunTimeNanoseconds">Time spent in the program, summed over runs.</param>
/// <param name="RunCount">How many times it ran.</param>
/// <param name="RecursionMisses">How many times it was not run because it was running already on that CPU (records lost).</param>
internal readonly record struct BpfProgramStats(ulong RunTimeNanoseconds, ulong RunCount, ulong RecursionMisses)
{
    /// <summary>Reads the statistics of the program <paramref name="program"/>.</summary>
    /// <exception cref="IOException">The kernel refused (EINVAL: the fd is no program).</exception>
    public static BpfProgramStats Read(SafeFileDescriptor program)
    {
        var errno = Interop.Libc.BpfProgGetInfo(program, out var info);
        Interop.ThrowIfBpfError(errno, "Reading an eBPF program's statistics");
        return new BpfProgramStats(info.run_time_ns, info.run_cnt, info.recursion_misses);
    }
}
