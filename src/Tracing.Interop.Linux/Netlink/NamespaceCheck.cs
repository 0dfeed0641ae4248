using System.Text;
using Tracing.Linux.ProcFs;
using Tracing.Tracer;

namespace Tracing.Linux.Netlink;

/// <summary>
/// Refuses, before subscribing, a tracer outside the initial PID or user namespace: the kernel ignores proc connector
/// subscriptions from any other (drivers/connector/cn_proc.c, <c>cn_proc_mcast_ctl</c>: events carry initial-namespace
/// pids and uids), so inside a container the subscription would only time out. The eBPF source is refused there too:
/// its events carry initial-namespace pids, which the tracer's reads of /proc must share, and loading its programs takes
/// CAP_BPF in the initial user namespace; each source's refusal names its own cause and privileges. Whichever namespace
/// cannot be read (no /proc) is not held against the tracer: the subscription's own timeout still catches it.
/// </summary>
internal static class NamespaceCheck
{
    // From include/linux/proc_ns.h: the initial namespaces' fixed inode numbers (Linux 3.8 and later).
    internal const ulong PROC_USER_INIT_INO = 0xEFFFFFFD;
    internal const ulong PROC_PID_INIT_INO = 0xEFFFFFFC;

    /// <summary>Throws <see cref="TracingUnavailableException"/> unless this process is in the initial PID and user namespaces.</summary>
    /// <param name="source">The source refused, whose cause and privileges the message names (auto: the proc connector's, its fallback).</param>
    public static void ThrowIfNotInitial(ExecTracingSource source = ExecTracingSource.ProcConnector)
    {
        if (Check(ReadOwnInode, source) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The refusal for the namespaces <paramref name="readOwnInode"/> reports, or null when they are the initial ones.</summary>
    /// <param name="readOwnInode">This process's namespace inode for a type (<c>pid</c>, <c>user</c>); 0 when unreadable.</param>
    /// <param name="source">The source refused, whose cause and privileges the message names.</param>
    public static TracingUnavailableException? Check(Func<string, ulong> readOwnInode, ExecTracingSource source = ExecTracingSource.ProcConnector)
    {
        var pid = readOwnInode("pid");
        var user = readOwnInode("user");
        var foreignPid = pid != 0 && pid != PROC_PID_INIT_INO;
        var foreignUser = user != 0 && user != PROC_USER_INIT_INO;
        if (!foreignPid && !foreignUser)
        {
            return null;
        }

        var which = (foreignPid, foreignUser) switch
        {
            (true, true) => $"its PID namespace (pid:[{pid}]) and user namespace (user:[{user}]) are not the initial ones",
            (true, false) => $"its PID namespace (pid:[{pid}]) is not the initial one (pid:[{PROC_PID_INIT_INO}])",
            _ => $"its user namespace (user:[{user}]) is not the initial one (user:[{PROC_USER_INIT_INO}])",
        };

        if (source == ExecTracingSource.Bpf)
        {
            return new TracingUnavailableException(
                "The eBPF source traces only from the initial PID and user namespaces: its events name processes by their ids in " +
                "the initial PID namespace, and loading its programs takes CAP_BPF in the initial user namespace; this process " +
                $"appears to run inside a container ({which}). Run it on the host, or start its container with --pid=host, in the " +
                "host's user namespace (not rootless; --userns=host), as root or with CAP_BPF and CAP_PERFMON (e.g. --privileged).");
        }

        return new TracingUnavailableException(
            "The kernel reports process events only to listeners in the initial PID and user namespaces, and silently ignores " +
            $"subscriptions from any other: this process appears to run inside a container ({which}). Run it on the host, or start " +
            "its container with --pid=host, in the host's user namespace (not rootless; --userns=host), as root or with " +
            "CAP_NET_ADMIN (e.g. --privileged), and with --network=host if it has its own network namespace.");
    }

    private static ulong ReadOwnInode(string type)
    {
        var path = Encoding.UTF8.GetBytes($"/proc/self/ns/{type}\0");
        return NamespaceLink.TryRead(path, Encoding.UTF8.GetBytes(type), out var inode) == 0 ? inode : 0;
    }
}
