using System.Diagnostics;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// <c>/bin/sh -c 'read x' MARKER</c>: a process that stays alive, its argv readable, until released, so a tracer
/// cannot miss its argv because it ended first, and a test knows exactly when it ran.
/// </summary>
internal sealed class HeldProcess : IDisposable
{
    private readonly Process _process;

    private HeldProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>Starts the process; its exec has happened when this returns.</summary>
    public static HeldProcess Start(string marker, string? workingDirectory = null) =>
        new(Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "read x", marker])
        {
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        })!);

    /// <summary>Lets it end, and waits until it has.</summary>
    public async Task ReleaseAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync(new CancellationTokenSource(ExectraceSession.Bound).Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
