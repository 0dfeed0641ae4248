namespace Tracing.Darwin.Sysctl;

/// <summary>The <c>sysctl(3)</c> read path, as a seam: the real one calls libSystem, tests substitute it.</summary>
internal interface ISysctl
{
    /// <summary>
    /// Reads the value named by <paramref name="name"/> into the first <paramref name="length"/> bytes of
    /// <paramref name="buffer"/>; with a null buffer, asks for the size the value needs.
    /// </summary>
    /// <returns>The errno (0 on success) and the bytes written or needed; an ENOMEM may carry a partial length.</returns>
    SysctlResult Read(int[] name, byte[]? buffer, int length);
}
