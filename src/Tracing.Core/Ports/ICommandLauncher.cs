namespace Tracing.Ports;

/// <summary>Starts the command a tracer was asked to run and trace.</summary>
public interface ICommandLauncher
{
    /// <summary>Starts the command with the caller's standard streams; returns the process.</summary>
    ILaunchedCommand Launch(CommandSpec command);
}
