using System.CommandLine.Parsing;
using System.Globalization;

namespace Tracing.Cli;

/// <summary>Reads <c>-p</c>'s value, saying in words what is wrong with one that is not a process id.</summary>
internal static class PidParser
{
    public static int? Parse(ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0)
        {
            return pid;
        }

        result.AddError($"-p needs a process id, a whole number above 0; got '{token}'.");
        return null;
    }
}
