using static Interop.Libc;

namespace Tracing.Linux.Netlink;

/// <summary>
/// Gives the <see cref="SequenceGapCounter"/> a starting number on every CPU the tracer may run on, before any event
/// can be lost. <c>cn_msg.seq</c> counts per CPU, and the counter learns a CPU's count from the first event it sees
/// from it: events lost on a CPU not seen yet would otherwise go uncounted (an overflow on the first event of a quiet
/// CPU). The calling thread visits each CPU of its mask and renames itself to its own name there, which makes the
/// kernel send a COMM event numbered on that CPU; <see cref="ProcConnectorEventSource"/> observes and drops those.
/// CPUs outside the process's mask (a cpuset) are still learnt from their first event.
/// </summary>
internal static class SequencePrimer
{
    // 1,024 CPUs; the mask is grown up to the kernel's largest (8,192) when the kernel asks for more.
    private const int InitialMaskBytes = 128;
    private const int MaxMaskBytes = 1024;

    /// <summary>Sends one COMM event, carrying the calling thread's id, from each CPU of its mask; false when none could be sent.</summary>
    public static bool Prime()
    {
        var original = ReadMask();
        if (original is null)
        {
            return false;
        }

        Span<byte> name = stackalloc byte[TaskCommLength];
        if (PrctlName(PR_GET_NAME, name) != 0)
        {
            return false;
        }

        var sent = false;
        var single = new byte[original.Length];
        try
        {
            for (var cpu = 0; cpu < original.Length * 8; cpu++)
            {
                if ((original[cpu / 8] & (1 << (cpu % 8))) == 0)
                {
                    continue;
                }

                Array.Clear(single);
                single[cpu / 8] = (byte)(1 << (cpu % 8));
                if (SchedSetAffinity(0, single) == 0 && PrctlName(PR_SET_NAME, name) == 0)
                {
                    sent = true;
                }
            }
        }
        finally
        {
            _ = SchedSetAffinity(0, original);
        }

        return sent;
    }

    private static byte[]? ReadMask()
    {
        for (var size = InitialMaskBytes; size <= MaxMaskBytes; size *= 2)
        {
            var mask = new byte[size];
            var errno = SchedGetAffinity(0, mask);
            if (errno == 0)
            {
                return mask;
            }

            if (errno != Interop.Errno.EINVAL)
            {
                return null;
            }
        }

        return null;
    }
}
