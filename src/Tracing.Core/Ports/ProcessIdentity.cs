using System.Runtime.InteropServices;

namespace Tracing.Ports;

/// <summary>A process's parent and user ids, as one cheap read gives them where the platform has one.</summary>
/// <param name="ParentPid">The parent process id.</param>
/// <param name="Credentials">The real and effective user ids.</param>
/// <param name="UnifiedCgroupId">
/// The id of its cgroup in the cgroup v2 hierarchy when the same read gave it (see
/// <see cref="IProcessInfoReader.TryReadUnifiedCgroupId"/>); 0 otherwise.
/// </param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct ProcessIdentity(int ParentPid, ProcessCredentials Credentials, ulong UnifiedCgroupId = 0);
