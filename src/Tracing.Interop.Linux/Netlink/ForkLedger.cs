using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Linux.Netlink;

/// <summary>
/// Who forked each process and when forkers ended, from the fork and exit events of whole processes read on a side
/// socket that nobody waits on: it costs no wake-up of its own, and the receive thread drains it only when an exec
/// arrives. The kernel queues a fork event before the child can run, so the fork of every exec'ing process is in the
/// side socket by the time its exec is received, unless the process was forked before the subscription or the side
/// socket overflowed. An exec whose forker was still alive when it exec'd gets that forker as parent, with no pidfd and
/// no <c>/proc</c> read; one whose forker had ended (the kernel re-parented it) gets none, so that the tracer reads the
/// parent it really has. Owned by the receive thread.
/// </summary>
internal sealed class ForkLedger
{
    /// <summary>Beyond this many entries (processes forked or ended and not yet forgotten) the ledger starts over.</summary>
    public const int MaxEntries = 65536;

    private readonly Dictionary<int, Entry> _entries = new(1024);

    /// <summary>Records the forks and exits of one datagram (threads are left out: a process is its thread group).</summary>
    public void Feed(ReadOnlySpan<byte> datagram)
    {
        var reader = new CnProcMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            if (message.HasProcEvent && CnProcEventMapper.TryToKernelEvent(message.Event, out var kernelEvent))
            {
                Record(kernelEvent);
            }
        }
    }

    /// <summary>
    /// Records a process's fork (a later fork of the same pid, the pid reused, replaces the earlier one) or its
    /// leader's exit; other events are ignored.
    /// </summary>
    public void Record(in KernelEvent kernelEvent)
    {
        if (kernelEvent.IsThread || kernelEvent.Tgid <= 0)
        {
            return;
        }

        switch (kernelEvent.Kind)
        {
            case KernelEventKind.Fork when kernelEvent.ParentTgid > 0:
                MakeRoomFor(kernelEvent.Tgid);
                _entries[kernelEvent.Tgid] = new Entry(kernelEvent.ParentTgid, kernelEvent.TimestampNs, 0);
                break;
            case KernelEventKind.Exit:
                // A leader's exit may leave threads behind (pthread_exit, de_thread): then the process lives on. Its own
                // exec says so (see Complete); until then an exec of its children asks the process for its parent.
                MakeRoomFor(kernelEvent.Tgid);
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, kernelEvent.Tgid, out _);
                entry = entry with { EndedNs = Math.Max(kernelEvent.TimestampNs, 1) };
                break;
        }
    }

    /// <summary>
    /// Gives an exec the forker of its fork, when the ledger has it and the event has no parent, and says whether that
    /// forker had ended by the exec (<see cref="KernelEvent.ForkerEnded"/>).
    /// </summary>
    public KernelEvent Complete(in KernelEvent exec)
    {
        if (exec.Kind != KernelEventKind.Exec)
        {
            return exec;
        }

        // A process that execs lives: an exit recorded for it before was its leader's (de_thread, pthread_exit).
        ref var self = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, exec.Tgid);
        if (!Unsafe.IsNullRef(ref self) && self.EndedNs != 0 && (exec.TimestampNs == 0 || self.EndedNs <= exec.TimestampNs))
        {
            self = self with { EndedNs = 0 };
        }

        return exec.ParentTgid == 0 && TryGetForker(exec, out var forker, out var ended)
            ? exec with { ParentTgid = forker, ForkerEnded = ended }
            : exec;
    }

    /// <summary>After an overflow some forks were dropped: a pid's entry may be an earlier process's, so none is trusted.</summary>
    public void Forget() => _entries.Clear();

    private bool TryGetForker(in KernelEvent exec, out int forkerTgid, out bool ended)
    {
        forkerTgid = 0;
        ended = false;
        if (!_entries.TryGetValue(exec.Tgid, out var child) || child.ParentTgid <= 0)
        {
            return false;
        }

        forkerTgid = child.ParentTgid;

        if (_entries.TryGetValue(child.ParentTgid, out var forker))
        {
            // The forker's pid was given to a process forked after the child: the forker had ended.
            var reused = forker.ForkedNs > child.ForkedNs;

            // It ended after forking the child and before the exec (the side socket may already hold later exits).
            var endedBeforeExec = forker.EndedNs != 0 && forker.EndedNs >= child.ForkedNs && (exec.TimestampNs == 0 || forker.EndedNs <= exec.TimestampNs);

            // Its leader had exited before it forked (pthread_exit): its real end will be a thread's exit, which this
            // socket does not queue, so whether it lives is not known here.
            var leaderless = forker.EndedNs != 0 && forker.EndedNs < child.ForkedNs;
            ended = reused || endedBeforeExec || leaderless;
        }

        return true;
    }

    private void MakeRoomFor(int tgid)
    {
        if (_entries.Count >= MaxEntries && !_entries.ContainsKey(tgid))
        {
            // Processes that forked and never exec'd, forkers long gone: forget them all rather than track every
            // process forever. An exec not found here asks the process for its parent instead.
            _entries.Clear();
        }
    }

    private readonly record struct Entry(int ParentTgid, long ForkedNs, long EndedNs);
}
