namespace Tracing.Ports;

/// <summary>A command the tracer started.</summary>
public interface ILaunchedCommand : IDisposable
{
    /// <summary>Its process id.</summary>
    int Pid { get; }

    /// <summary>Waits for it to end; returns its exit code (128 + signal when a signal ended it).</summary>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);
}
