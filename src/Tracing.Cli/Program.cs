using System.CommandLine;
using Tracing.Cli.Running;

namespace Tracing.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // First of all: a signal from now on ends exectrace as its exit-code table says.
        using var signals = EarlySignals.Listen();
        return await ExectraceCommand.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }
}
