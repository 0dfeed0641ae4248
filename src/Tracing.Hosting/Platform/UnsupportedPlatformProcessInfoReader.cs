using System.Diagnostics.CodeAnalysis;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Hosting.Platform;

/// <summary>Knows nothing about processes, on a platform without a backend.</summary>
internal sealed class UnsupportedPlatformProcessInfoReader : IProcessInfoReader
{
    public int CurrentProcessId => Environment.ProcessId;

    public bool TryReadArguments(int pid, [NotNullWhen(true)] out ProcessArguments? arguments)
    {
        arguments = null;
        return false;
    }

    public bool TryReadExecutablePath(int pid, [NotNullWhen(true)] out string? path)
    {
        path = null;
        return false;
    }

    public bool TryReadWorkingDirectory(int pid, [NotNullWhen(true)] out string? path)
    {
        path = null;
        return false;
    }

    public bool TryReadStat(int pid, out ProcessStat stat)
    {
        stat = default;
        return false;
    }

    public bool TryReadIdentity(int pid, out ProcessIdentity identity)
    {
        identity = default;
        return false;
    }

    public bool TryReadCredentials(int pid, out ProcessCredentials credentials)
    {
        credentials = default;
        return false;
    }

    public bool TryReadCgroups(int pid, [NotNullWhen(true)] out IReadOnlyList<CgroupMembership>? memberships)
    {
        memberships = null;
        return false;
    }

    public IEnumerable<int> EnumerateProcessIds() => [];
}
