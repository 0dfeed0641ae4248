using Tracing.Ports;

namespace Tracing.Core.Tests.Fakes;

/// <summary>What a <see cref="ProcessTable"/> says about one process; null members are unreadable.</summary>
public sealed class FakeProcess(int pid, int parentPid, string commandName)
{
    public int Pid { get; } = pid;

    public int ParentPid { get; set; } = parentPid;

    public string CommandName { get; set; } = commandName;

    /// <summary>False once the process is a zombie whose stat can no longer be read.</summary>
    public bool StatReadable { get; set; } = true;

    public IReadOnlyList<string>? Argv { get; set; }

    public string? ExecutablePath { get; set; }

    /// <summary>The raw environ (NUL-separated entries); null when it cannot be read.</summary>
    public byte[]? Environment { get; set; }

    public string? WorkingDirectory { get; set; }

    /// <summary>The exact bytes of <see cref="ExecutablePath"/> when they are not valid UTF-8, as a byte-reading platform gives them.</summary>
    public byte[]? ExecutablePathBytes { get; set; }

    /// <summary>The exact bytes of <see cref="WorkingDirectory"/> when they are not valid UTF-8.</summary>
    public byte[]? WorkingDirectoryBytes { get; set; }

    public uint? RealUid { get; set; }

    public uint? EffectiveUid { get; set; }

    public IReadOnlyList<CgroupMembership>? Cgroups { get; set; }

    /// <summary>Its cgroup v2 cgroup's id, as a pidfd read gives it (also with the identity); 0 when there is none to read.</summary>
    public ulong UnifiedCgroupId { get; set; }

    /// <summary>Its pid in its own pid namespace (1 for a container's first process); null when unreadable.</summary>
    public int? NamespacePid { get; set; }

    /// <summary>The name its root file system gives <see cref="RealUid"/>; null when it has none.</summary>
    public string? UserName { get; set; }

    /// <summary>Its threads besides the leader; null when the platform cannot list them.</summary>
    public IReadOnlyList<int>? OtherThreads { get; set; } = [];

    /// <summary>The state stat shows: 'Z' for a zombie leader (one that called pthread_exit while other threads live).</summary>
    public char State { get; set; } = 'S';

    /// <summary>True when the platform reads parent and ids in one go (a pidfd on Linux); the ids must be known.</summary>
    public bool IdentityReadable { get; set; }
}
