using System.ComponentModel;
using System.Diagnostics;
using Tracing.Ports;

namespace Tracing.Hosting.Commands;

/// <summary>Starts commands as child processes that share the caller's standard streams.</summary>
internal sealed class ProcessCommandLauncher : ICommandLauncher
{
    public ILaunchedCommand Launch(CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{command.FileName}'.");
            return new LaunchedProcess(process);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{command.FileName}': {e.Message}", e);
        }
    }
}
