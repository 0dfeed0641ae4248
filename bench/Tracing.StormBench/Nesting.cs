using System.Diagnostics;
using System.Globalization;

namespace Tracing.StormBench;

/// <summary>
/// Puts the harness at a chosen depth below pid 1: it starts itself again under as many <c>sh</c> that wait (a
/// trailing <c>exit $?</c> keeps each from exec'ing) as the depth asks, and returns that run's exit code.
/// </summary>
internal static class Nesting
{
    private const string NestedVariable = "STORM_NESTED";

    /// <summary>
    /// Null when this process runs the storm itself (no depth asked, already nested, or already deeper than asked:
    /// then with a warning); otherwise the exit code of the nested run.
    /// </summary>
    public static int? RunAt(int? depth, string[] args, TextWriter log)
    {
        if (depth is not { } wanted || Environment.GetEnvironmentVariable(NestedVariable) is not null)
        {
            return null;
        }

        var current = Machine.StormDepth();
        if (wanted == current)
        {
            return null;
        }

        if (wanted < current)
        {
            // The table's header says where the storm really ran.
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: the harness already sits {current} processes below pid 1; --depth {wanted} cannot take it higher, so the storm runs at {current} (start the harness detached, e.g. with setsid -f, to go higher)."));
            return null;
        }

        // Each sh is one process between this one and the nested harness, which is one more.
        var start = new ProcessStartInfo("/bin/sh");
        var shells = wanted - current - 1;
        for (var i = 0; i < shells; i++)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("\"$@\"; exit $?");
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add("/bin/sh");
        }

        if (shells == 0)
        {
            start.FileName = Self()[0];
        }
        else
        {
            // The innermost sh runs the harness itself.
            start.ArgumentList.RemoveAt(start.ArgumentList.Count - 1);
        }

        foreach (var part in shells == 0 ? Self().Skip(1) : Self())
        {
            start.ArgumentList.Add(part);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Built already, by this run.
        start.ArgumentList.Add("--no-build");
        start.Environment[NestedVariable] = "1";
        using var nested = Process.Start(start)!;
        nested.WaitForExit();
        return nested.ExitCode;
    }

    /// <summary>The command that starts this harness: its apphost, or the dotnet host and the harness's assembly.</summary>
    private static string[] Self()
    {
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, Environment.GetCommandLineArgs()[0]] : [host];
    }
}
