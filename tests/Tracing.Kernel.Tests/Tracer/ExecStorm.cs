using System.Diagnostics;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>
/// A fast storm of <c>/bin/true marker</c> (a shell loop: faster than Process.Start, about 1,000–2,000 execs/s here),
/// started from a background task; killed on dispose.
/// </summary>
internal sealed class ExecStorm : IDisposable
{
    private readonly Process _shell;

    public ExecStorm(string marker)
    {
        _shell = Task.Run(() => Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"while :; do /bin/true {marker}; done"]))!).GetAwaiter().GetResult();
    }

    public bool IsRunning => !_shell.HasExited;

    /// <summary>The looping shell's pid: the parent of every exec of the storm.</summary>
    public int ShellPid => _shell.Id;

    public void Dispose()
    {
        _shell.Kill(entireProcessTree: true);
        _shell.WaitForExit();
        _shell.Dispose();
    }
}
