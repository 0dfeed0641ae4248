using System.Runtime.InteropServices;

namespace Tracing.Interop.Linux.Interop;

/// <summary>A file descriptor the process owns; closed exactly once. -1 is invalid (0 is a valid descriptor).</summary>
internal sealed class SafeFileDescriptor : SafeHandle
{
    public SafeFileDescriptor()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    internal SafeFileDescriptor(int fd)
        : this() => SetHandle(fd);

    public override bool IsInvalid => (int)handle < 0;

    /// <summary>The raw descriptor, for interop calls only.</summary>
    internal int Fd => (int)handle;

    protected override bool ReleaseHandle() => global::Interop.Libc.Close((int)handle) == 0;
}
