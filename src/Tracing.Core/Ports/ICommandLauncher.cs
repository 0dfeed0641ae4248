namespace Tracing.Ports;

/// <summary>Starts the command a tracer was asked to run and trace.</summary>
public interface ICommandLauncher
{
    /// <summary>Starts the command with the caller's standard streams; returns the process.</summary>
    /// <param name="command">The command to start.</param>
    /// <returns>The started process.</returns>
    ILaunchedCommand Launch(CommandSpec command);
}
