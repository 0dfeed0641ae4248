using System.CommandLine;

namespace Tracing.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        ExectraceCommand.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = null });
}
