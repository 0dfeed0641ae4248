using System.Diagnostics;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// Runs the real exectrace program, as a user would at a terminal: through <c>env --default-signal=INT</c>, so SIGINT
/// stops it even when the test run itself was started in the background by a script (<c>dotnet test ... &amp;</c>).
/// There SIGINT is ignored, as a POSIX shell makes it for an asynchronous command; .NET keeps that for SIGINT, and
/// passes it to every child, so exectrace would never see the SIGINT a test sends.
/// </summary>
internal static class ExectraceProcess
{
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add(host);
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "exectrace.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
