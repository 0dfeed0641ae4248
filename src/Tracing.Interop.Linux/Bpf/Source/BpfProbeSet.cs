using Tracing.Linux.Bpf.Assembly;
using Tracing.Linux.Bpf.Attachments;
using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.Maps;
using Tracing.Linux.Bpf.Programs;
using Tracing.Linux.Bpf.RingBuffers;
using Tracing.Ports;

namespace Tracing.Linux.Bpf.Source;

/// <summary>
/// Everything the eBPF source holds in the kernel: the ring buffer, the lost-event counter, the exec scratch buffers, the
/// programs and their attachments, each an fd of this process. Dispose detaches the programs first, then closes the
/// rest; a process that dies leaves nothing attached either, since the kernel closes its fds.
/// </summary>
internal sealed class BpfProbeSet : IDisposable
{
    /// <summary>A failed exec's argv room at most: its scratch entry holds twice that and a path.</summary>
    private const int FailedExecArgvLimit = 1024 * 1024;

    private readonly List<IDisposable> _owned = [];
    private readonly List<(string Name, SafeFileDescriptor Program)> _programs = [];

    private BpfProbeSet(BpfRingBuffer ring, BpfMap lost)
    {
        Ring = ring;
        Lost = lost;
        _owned.Add(ring);
        _owned.Add(lost);
    }

    /// <summary>The ring buffer the programs write to.</summary>
    public BpfRingBuffer Ring { get; }

    /// <summary>Entry 0: how many records the programs could not write because the ring was full.</summary>
    public BpfMap Lost { get; }

    /// <summary>The loaded programs by their tracepoint, for their statistics.</summary>
    public IReadOnlyList<(string Name, SafeFileDescriptor Program)> Programs => _programs;

    /// <summary>
    /// Creates the maps, loads the programs <paramref name="interest"/> needs and attaches them; on any failure, what was
    /// made is released and the failure thrown. The kernel's struct layout is asked for only once the ring is made, so
    /// a start without the privileges fails before reading the kernel's BTF.
    /// </summary>
    public static BpfProbeSet Open(BpfSourceOptions options, KernelEventInterest interest, Func<KernelStructLayout> loadLayout, KernelScope scope)
    {
        var ring = BpfRingBuffer.Create("exectrace_ring", options.RingBufferBytes);
        BpfProbeSet? set = null;
        try
        {
            set = new BpfProbeSet(ring, BpfMap.Create(BpfMapType.Array, "exectrace_lost", 4, 8, 1));
            var ringFd = (int)ring.Map.Fd.DangerousGetHandle();
            var lostFd = (int)set.Lost.Fd.DangerousGetHandle();
            var cgroupFd = set.NarrowTo(scope);
            var layout = loadLayout();
            if (interest.HasFlag(KernelEventInterest.Exec))
            {
                var argvBytes = options.MaxArgumentBytes;
                var scratch = set.Own(BpfMap.Create(
                    BpfMapType.Array, "exectrace_exec", 4, (uint)(RecordLayout.ExecHeaderSize + argvBytes), (uint)PossibleCpus.Count));
                set.Attach("sched_process_exec", ExecProgram.Build(layout, ringFd, lostFd, (int)scratch.Fd.DangerousGetHandle(), argvBytes, cgroupFd));
            }

            if (interest.HasFlag(KernelEventInterest.FailedExec))
            {
                set.AttachFailedExecs(options, layout, ringFd, lostFd, cgroupFd);
            }

            if (interest.HasFlag(KernelEventInterest.Fork))
            {
                set.Attach("sched_process_fork", ForkProgram.Build(layout, ringFd, lostFd));
            }

            if (interest.HasFlag(KernelEventInterest.Exit))
            {
                set.Attach("sched_process_exit", ExitProgram.Build(layout, ringFd, lostFd));
            }

            return set;
        }
        catch
        {
            if (set is null)
            {
                ring.Dispose();
            }

            set?.Dispose();
            throw;
        }
    }

    /// <summary>Whether the execs sent are those of the scope's cgroup only (decided in the kernel); else every exec is sent.</summary>
    public bool InScope { get; private set; }

    /// <summary>Why the scope could not be decided in the kernel; null when it was, or there was nothing to decide.</summary>
    public string? NotNarrowed { get; private set; }

    /// <summary>The ring's lost-record count so far.</summary>
    public long ReadLost()
    {
        Span<byte> key = stackalloc byte[4];
        Span<byte> value = stackalloc byte[8];
        key.Clear();
        return Lost.TryLookup(key, value) ? BitConverter.ToInt64(value) : 0;
    }

    /// <summary>Detaches every program (the attachments first, so none runs on a closed map), then closes the rest.</summary>
    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        foreach (var (_, program) in _programs)
        {
            program.Dispose();
        }

        _programs.Clear();
    }

    // The scope's unified cgroup in a map the exec programs ask, or -1: every exec is sent (the tracer decides them).
    private int NarrowTo(KernelScope scope)
    {
        if (scope.UnifiedCgroup is not { } path)
        {
            return -1;
        }

        if (CgroupNarrowing.TryOpen(path, out var reason) is not { } map)
        {
            NotNarrowed = reason;
            return -1;
        }

        InScope = true;
        return (int)Own(map).Fd.DangerousGetHandle();
    }

    private T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    private void Attach(string tracepoint, ReadOnlySpan<BpfInstruction> program)
    {
        var loaded = BpfProgramLoader.Load(BpfProgramType.RawTracepoint, program);
        _programs.Add((tracepoint, loaded));
        Own(RawTracepointAttacher.Attach(loaded, tracepoint));
    }

    // Failed execs: the system call tracepoints of execve and execveat (not of a 32-bit execve, which has its own
    // entry), their fields' offsets from their format files.
    private void AttachFailedExecs(BpfSourceOptions options, KernelStructLayout layout, int ringFd, int lostFd, int cgroupFd)
    {
        // Twice the argv room (the verifier bounds a read's offset and size apart) and a path must fit one map value.
        var argvBytes = Math.Min(options.MaxArgumentBytes, FailedExecArgvLimit);
        var pending = Own(BpfMap.Create(BpfMapType.LruHash, "exectrace_pend", 8, FailedExecEnterProgram.EntrySize, 16 * 1024));
        var scratch = Own(BpfMap.Create(
            BpfMapType.Array, "exectrace_fail", 4, (uint)FailedExecExitProgram.ScratchSize(argvBytes), (uint)PossibleCpus.Count));
        var pendingFd = (int)pending.Fd.DangerousGetHandle();
        var scratchFd = (int)scratch.Fd.DangerousGetHandle();
        foreach (var call in (ReadOnlySpan<string>)["execve", "execveat"])
        {
            var enter = SyscallFormat.Read("sys_enter_" + call);
            var exit = SyscallFormat.Read("sys_exit_" + call);
            AttachSyscall(enter.Name, FailedExecEnterProgram.Build(pendingFd, SyscallFormat.Offset(enter, "filename"), SyscallFormat.Offset(enter, "argv"), cgroupFd));
            AttachSyscall(exit.Name, FailedExecExitProgram.Build(
                layout, ringFd, lostFd, pendingFd, scratchFd, SyscallFormat.Offset(exit, "ret"), options.MaxFailedExecArguments, argvBytes));
        }
    }

    private void AttachSyscall(string tracepoint, ReadOnlySpan<BpfInstruction> program)
    {
        var loaded = BpfProgramLoader.Load(BpfProgramType.Tracepoint, program);
        _programs.Add((tracepoint, loaded));
        Own(TracepointAttacher.Attach(loaded, "syscalls", tracepoint));
    }
}
