namespace Tracing.Interop.Linux.Tests.ProcFs;

/// <summary>A fact about file permissions: root reads every file, so there it is skipped.</summary>
public sealed class NonRootFactAttribute : FactAttribute
{
    public NonRootFactAttribute()
    {
        if (Environment.IsPrivilegedProcess)
        {
            Skip = "Root bypasses file permissions.";
        }
    }
}
