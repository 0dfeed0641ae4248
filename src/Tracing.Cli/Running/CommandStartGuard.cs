using Tracing.Ports;

namespace Tracing.Cli.Running;

/// <summary>
/// Wraps the launcher so that a command that cannot be started is told apart, where it happens, from every other
/// failure to start tracing: whatever the launcher throws becomes a <see cref="CommandNotStartedException"/>.
/// </summary>
internal sealed class CommandStartGuard(ICommandLauncher launcher) : ICommandLauncher
{
    public ILaunchedCommand Launch(CommandSpec command)
    {
        try
        {
            return launcher.Launch(command);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CommandNotStartedException(e.Message, e);
        }
    }
}
