using System.Runtime.Versioning;

namespace Tracing.Darwin.Sysctl;

/// <summary>The real <c>sysctl(3)</c> from libSystem; retries EINTR.</summary>
[SupportedOSPlatform("macos")]
internal sealed class LibSystemSysctl : ISysctl
{
    /// <inheritdoc />
    public SysctlResult Read(int[] name, byte[]? buffer, int length)
    {
        ArgumentNullException.ThrowIfNull(name);
        var span = buffer is null ? Span<byte>.Empty : buffer.AsSpan(0, length);
        var errno = Interop.Libc.Sysctl(name, span, out var written);
        return new SysctlResult(errno, (long)written);
    }
}
