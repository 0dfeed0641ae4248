using System.Diagnostics;

namespace Tracing.Kernel.Tests.Shapes;

/// <summary>An exec storm beside the shape: a shell loop that execs <c>/bin/true</c> as fast as it can, until disposed.</summary>
internal sealed class Storm : IDisposable
{
    private readonly Process _shell;
    private bool _stopped;

    private Storm(Process shell) => _shell = shell;

    public static Storm Start() => new(Process.Start(new ProcessStartInfo(
        "/bin/sh", ["-c", $"while :; do /bin/true {ShapeExpectation.StormMarker}; done"]))!);

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _shell.Kill(entireProcessTree: true);
        _shell.WaitForExit();
        _shell.Dispose();
    }
}
