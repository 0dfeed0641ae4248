using System.Diagnostics;
using Tracing.Ports;

namespace Tracing.Hosting.Commands;

/// <summary>A started child process.</summary>
internal sealed class LaunchedProcess(Process process) : ILaunchedCommand
{
    public int Pid { get; } = process.Id;

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }

    public void Dispose() => process.Dispose();
}
