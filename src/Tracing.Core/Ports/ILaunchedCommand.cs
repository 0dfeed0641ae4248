namespace Tracing.Ports;

/// <summary>A command the tracer started.</summary>
public interface ILaunchedCommand : IDisposable
{
    /// <summary>Its process id.</summary>
    int Pid { get; }

    /// <summary>Waits for it to end; returns its exit code (128 + signal when a signal ended it).</summary>
    /// <param name="cancellationToken">Cancels the wait, not the process.</param>
    /// <returns>The exit code, or 128 + the signal when a signal ended it.</returns>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);
}
