using System.Diagnostics.CodeAnalysis;
using Tracing.Events;

namespace Tracing.Ports;

/// <summary>
/// Reads what the platform knows about a live process. Every method returns false when the process is
/// gone or the information is not readable: that is the expected case, never an exception.
/// </summary>
public interface IProcessInfoReader
{
    /// <summary>The id of the process the tracer runs in.</summary>
    int CurrentProcessId { get; }

    /// <summary>The argv; false when the process is gone or has none (a zombie, a kernel thread).</summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="arguments">The argv when read; otherwise null.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadArguments(int pid, [NotNullWhen(true)] out ProcessArguments? arguments);

    /// <summary>The executable's path.</summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="path">The executable's path when read; otherwise null.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadExecutablePath(int pid, [NotNullWhen(true)] out string? path);

    /// <summary>
    /// The environment the process got at exec (<c>NAME=value</c> entries, NUL-separated as argv; empty for a process
    /// without one); false when the process is gone, may not be read, or the platform does not read environments.
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="environment">The environment when read; otherwise null.</param>
    /// <returns>True when read; otherwise false.</returns>
    bool TryReadEnvironment(int pid, [NotNullWhen(true)] out ProcessArguments? environment)
    {
        environment = null;
        return false;
    }

    /// <summary>The working directory.</summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="path">The working directory when read; otherwise null.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadWorkingDirectory(int pid, [NotNullWhen(true)] out string? path);

    /// <summary>
    /// The executable's path, and its exact bytes when they are not valid UTF-8 (else null). Platforms that read the
    /// path as bytes (Linux: <c>readlink</c>) override it; the default has no bytes beyond the string.
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="path">The executable's path when read; otherwise null.</param>
    /// <param name="invalidUtf8Bytes">The path's bytes when they are not valid UTF-8; otherwise null.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadExecutablePath(int pid, [NotNullWhen(true)] out string? path, out byte[]? invalidUtf8Bytes)
    {
        invalidUtf8Bytes = null;
        return TryReadExecutablePath(pid, out path);
    }

    /// <summary>
    /// The working directory, and its exact bytes when they are not valid UTF-8 (else null). Platforms that read the
    /// path as bytes (Linux: <c>readlink</c>) override it; the default has no bytes beyond the string.
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="path">The working directory when read; otherwise null.</param>
    /// <param name="invalidUtf8Bytes">The path's bytes when they are not valid UTF-8; otherwise null.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadWorkingDirectory(int pid, [NotNullWhen(true)] out string? path, out byte[]? invalidUtf8Bytes)
    {
        invalidUtf8Bytes = null;
        return TryReadWorkingDirectory(pid, out path);
    }

    /// <summary>Parent, command name and state.</summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="stat">The parent, command name and state when read.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadStat(int pid, out ProcessStat stat);

    /// <summary>
    /// The kernel's command name alone (<c>comm</c>); platforms with a cheaper read than <see cref="TryReadStat"/>
    /// (Linux: <c>/proc/PID/comm</c>, no stat line to format) override it.
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="name">The command name when read; otherwise null.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadCommandName(int pid, [NotNullWhen(true)] out string? name)
    {
        var read = TryReadStat(pid, out var stat);
        name = read ? stat.CommandName : null;
        return name is not null;
    }

    /// <summary>
    /// Parent and user ids in one cheap read (Linux 6.13+: a pidfd's PIDFD_GET_INFO), without formatting /proc text;
    /// false when the process is gone or the platform has no such read (callers fall back to stat and credentials).
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="identity">The parent and user ids when read.</param>
    /// <returns>True when read; otherwise false.</returns>
    bool TryReadIdentity(int pid, out ProcessIdentity identity);

    /// <summary>Real and effective user ids.</summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="credentials">The real and effective user ids when read.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadCredentials(int pid, out ProcessCredentials credentials);

    /// <summary>The cgroups the process is in, one per hierarchy (v1, and v2 in a hybrid setup) or one (v2), in the kernel's order.</summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="memberships">The process's cgroups when read; otherwise null.</param>
    /// <returns>True when read; false when the process is gone or the value is not readable.</returns>
    bool TryReadCgroups(int pid, [NotNullWhen(true)] out IReadOnlyList<CgroupMembership>? memberships);

    /// <summary>
    /// The hierarchy, and the path within it, of a cgroup path a user gave, as <c>/proc/PID/cgroup</c> would show them
    /// (Linux: <c>/sys/fs/cgroup/cpu,cpuacct/foo</c> is <c>("cpu,cpuacct", "/foo")</c>, and must be a cgroup); null
    /// when the path is taken as it is, a path within any hierarchy (the default, and Linux for a path outside
    /// /sys/fs/cgroup). A cgroup filter without a hierarchy asks it when tracing starts.
    /// </summary>
    /// <param name="userPath">The cgroup path as the user gave it.</param>
    /// <returns>The hierarchy and the path within it; null when the path is taken as it is.</returns>
    /// <exception cref="ArgumentException">The path names no cgroup; the message says why, for the user.</exception>
    CgroupMembership? FindCgroup(string userPath) => null;

    /// <summary>
    /// The process's pid in its own pid namespace, as the process itself sees it (the last field of Linux's
    /// <c>NSpid</c>): its pid when it is in the tracer's namespace, 1 for a container's first process; false when the
    /// process is gone or the platform has no pid namespaces.
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="namespacePid">The pid in the process's own namespace when read; otherwise 0.</param>
    /// <returns>True when read; otherwise false.</returns>
    bool TryReadNamespacePid(int pid, out int namespacePid)
    {
        namespacePid = 0;
        return false;
    }

    /// <summary>
    /// The name of <paramref name="uid"/> as the process's own root file system knows it (Linux:
    /// <c>/proc/PID/root/etc/passwd</c>, so a container's users are named as the container names them); false when
    /// that file has no such user, or cannot be read, or the process is gone.
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="uid">The user id to name.</param>
    /// <param name="name">The user's name when found; otherwise null.</param>
    /// <returns>True when the user was found; otherwise false.</returns>
    bool TryReadUserName(int pid, uint uid, [NotNullWhen(true)] out string? name)
    {
        name = null;
        return false;
    }

    /// <summary>
    /// The id of the process's cgroup in the cgroup v2 (unified) hierarchy, where container engines give each container
    /// a cgroup of its own; a cheap read (Linux 6.13+: a pidfd's PIDFD_GET_INFO, no /proc text). False when the process
    /// is gone, the platform has no such read, or no unified hierarchy is mounted (cgroup v1 alone): then the
    /// process's cgroups must be read.
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="cgroupId">The unified cgroup's id when read; otherwise 0.</param>
    /// <returns>True when read; otherwise false.</returns>
    bool TryReadUnifiedCgroupId(int pid, out ulong cgroupId)
    {
        cgroupId = 0;
        return false;
    }

    /// <summary>The ids of the processes that exist now.</summary>
    /// <returns>The process ids, in no particular order.</returns>
    IEnumerable<int> EnumerateProcessIds();

    /// <summary>
    /// The ids of the process's threads other than its leader, as they are now (Linux: <c>/proc/PID/task</c>); false
    /// when the process is gone or the platform does not report threads (its exits are then whole processes).
    /// </summary>
    /// <param name="pid">The process to read.</param>
    /// <param name="threadIds">The thread ids when read; otherwise null.</param>
    /// <returns>True when read; otherwise false.</returns>
    bool TryReadOtherThreadIds(int pid, [NotNullWhen(true)] out IReadOnlyList<int>? threadIds)
    {
        threadIds = null;
        return false;
    }
}
