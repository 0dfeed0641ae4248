using System.Runtime.InteropServices;

/// <summary>
/// Memory mapped with mmap(2); unmapped exactly once. The address never leaves the code that reads the mapping, which
/// holds a reference (<see cref="SafeHandle.DangerousAddRef"/>) while it reads.
/// </summary>
internal sealed class SafeMemoryMapping : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="length"/> bytes mapped at <paramref name="address"/> (0 for none).</summary>
    public SafeMemoryMapping(nint address, nuint length)
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
    }

    /// <summary>How many bytes are mapped.</summary>
    public nuint Length { get; }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => Interop.Libc.Munmap(handle, Length) == 0;
}
