using Tracing.Ports;

namespace Tracing.Linux.Launch;

/// <summary>
/// A command <see cref="SpawnCommandLauncher"/> started. A dedicated thread waits for it (<c>waitpid</c>) and reaps it;
/// its exit code is its exit status, or 128 + the signal that ended it, as a shell reports it.
/// </summary>
internal sealed class SpawnedCommand : ILaunchedCommand
{
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SpawnedCommand(int pid)
    {
        Pid = pid;
        new Thread(WaitForExit) { IsBackground = true, Name = "exectrace command wait" }.Start();
    }

    public int Pid { get; }

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _exited.Task.WaitAsync(cancellationToken);

    /// <summary>The exit code of a wait status: the status it exited with, or 128 + the signal that killed it.</summary>
    internal static int ExitCode(int status) =>
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);

    // Nothing to release: the waiting thread ends when the command does.
    public void Dispose()
    {
    }

    private void WaitForExit()
    {
        var errno = Interop.Libc.WaitPid(Pid, out var status);
        if (errno == 0)
        {
            _exited.TrySetResult(ExitCode(status));
        }
        else
        {
            // ECHILD: something else reaped it (the runtime reaps every child when it runs as pid 1).
            _exited.TrySetException(Interop.GetExceptionForErrno(errno, $"Waiting for the command (pid {Pid})"));
        }
    }
}
