using System.Runtime.InteropServices;

/// <summary>
/// A file descriptor the process owns; closed exactly once. -1 is invalid (0 is a valid descriptor). The raw number
/// never leaves <see cref="Interop"/>: wrappers take this handle, and the marshaller keeps it alive across each call.
/// </summary>
internal sealed class SafeFileDescriptor : SafeHandle
{
    public SafeFileDescriptor()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of <paramref name="fd"/> (-1 for none): for the hot-path wrappers, where the
    /// marshaller's own creation of the handle (through <c>Activator.CreateInstance</c>) measured ~0.3 µs a call.</summary>
    public SafeFileDescriptor(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => (int)handle < 0;

    protected override bool ReleaseHandle() => Interop.Libc.Close((int)handle) == 0;
}
