using System.Runtime.InteropServices;

namespace Tracing.Darwin.Sysctl;

/// <summary>What one <c>sysctl</c> call returned.</summary>
/// <param name="Errno">0 on success, else the errno (-1 when the call failed without one).</param>
/// <param name="Length">The <c>*oldlenp</c> the kernel left: bytes written, or bytes needed for a size query.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct SysctlResult(int Errno, long Length)
{
    /// <summary>True when the call succeeded.</summary>
    public bool Succeeded => Errno == 0;
}
