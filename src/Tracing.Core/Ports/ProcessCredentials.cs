using System.Runtime.InteropServices;

namespace Tracing.Ports;

/// <summary>A process's user ids.</summary>
/// <param name="RealUid">The real user id.</param>
/// <param name="EffectiveUid">The effective user id.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct ProcessCredentials(uint RealUid, uint EffectiveUid);
