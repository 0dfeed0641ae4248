using Tracing.Interop.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Interop.Linux.Netlink;

/// <summary>
/// Who forked each process, from fork events read on a side socket that nobody waits on: it costs no wake-up of its
/// own, and the receive thread drains it only when an exec arrives. The kernel queues a fork event before the child
/// can run, so the fork of every exec'ing process is in the side socket by the time its exec is received, unless the
/// process was forked before the subscription or the side socket overflowed. An exec whose parent is found here needs
/// no pidfd and no <c>/proc</c> read for it. Owned by the receive thread.
/// </summary>
internal sealed class ForkLedger
{
    /// <summary>Beyond this many entries (processes forked and not yet looked up again) the ledger starts over.</summary>
    public const int MaxEntries = 65536;

    private readonly Dictionary<int, int> _parents = new(1024);

    /// <summary>How many processes the ledger knows the parent of.</summary>
    public int Count => _parents.Count;

    /// <summary>Records the forks of one datagram (threads are left out: their exec reports the process).</summary>
    public void Feed(ReadOnlySpan<byte> datagram)
    {
        var reader = new CnProcMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            if (message.HasProcEvent
                && CnProcEventMapper.TryToKernelEvent(message.Event, out var kernelEvent)
                && kernelEvent.Kind == KernelEventKind.Fork)
            {
                Record(kernelEvent);
            }
        }
    }

    /// <summary>Records one fork; a later fork of the same pid (the pid was reused) replaces the earlier one.</summary>
    public void Record(in KernelEvent fork)
    {
        if (fork.Kind != KernelEventKind.Fork || fork.IsThread || fork.Tgid <= 0 || fork.ParentTgid <= 0)
        {
            return;
        }

        if (_parents.Count >= MaxEntries && !_parents.ContainsKey(fork.Tgid))
        {
            // Processes that forked and never exec'd: forget them all rather than track every process forever.
            _parents.Clear();
        }

        _parents[fork.Tgid] = fork.ParentTgid;
    }

    /// <summary>The parent recorded for <paramref name="tgid"/>'s latest fork.</summary>
    public bool TryGetParent(int tgid, out int parentTgid) => _parents.TryGetValue(tgid, out parentTgid);

    /// <summary>
    /// Gives an exec the parent of its fork, when the ledger has it and the event has none.
    /// </summary>
    public KernelEvent Complete(in KernelEvent exec) =>
        exec.Kind == KernelEventKind.Exec && exec.ParentTgid == 0 && TryGetParent(exec.Tgid, out var parent)
            ? exec with { ParentTgid = parent }
            : exec;

    /// <summary>After an overflow some forks were dropped: a pid's entry may be an earlier process's, so none is trusted.</summary>
    public void Forget() => _parents.Clear();
}
