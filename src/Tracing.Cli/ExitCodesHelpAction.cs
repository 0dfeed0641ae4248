using System.CommandLine;
using System.CommandLine.Invocation;
using Tracing.Cli.Running;

namespace Tracing.Cli;

/// <summary>The usual help, followed by the table of exit codes.</summary>
internal sealed class ExitCodesHelpAction(SynchronousCommandLineAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        var width = ExitCodes.Table.Max(row => row.Code.Length);
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            output.WriteLine($"  {code.PadRight(width)}  {meaning}");
        }

        output.WriteLine();
        return exitCode;
    }
}
