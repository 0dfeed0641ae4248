using System.Runtime.InteropServices;

namespace Tracing.Ports;

/// <summary>A process's parent and user ids, as one cheap read gives them where the platform has one.</summary>
/// <param name="ParentPid">The parent process id.</param>
/// <param name="Credentials">The real and effective user ids.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct ProcessIdentity(int ParentPid, ProcessCredentials Credentials);
