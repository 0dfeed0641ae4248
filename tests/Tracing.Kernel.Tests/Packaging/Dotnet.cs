using System.Diagnostics;
using System.Text;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>Runs the dotnet CLI as a user would, outside the test host's own MSBuild settings.</summary>
internal static class Dotnet
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(TimeSpan bound, string? directory, params string[] arguments)
    {
        var (code, text) = await TryRunAsync(bound, directory, arguments);
        Assert.True(code == 0, $"dotnet {string.Join(' ', arguments)} exited {code}:\n{text}");
        return text;
    }

    /// <summary>Runs <c>dotnet</c> and returns its exit code with stdout and stderr; a run over <paramref name="bound"/> is killed and fails.</summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(TimeSpan bound, string? directory, params string[] arguments) =>
        await RunProgramAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", bound, directory, arguments);

    /// <summary>Runs any program as <see cref="TryRunAsync"/> runs dotnet.</summary>
    public static async Task<(int ExitCode, string Output)> RunProgramAsync(string program, TimeSpan bound, string? directory, params string[] arguments)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };

        // The test host's own MSBuild settings must not leak into the build.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{program} {string.Join(' ', arguments)} ran over {bound}:\n{await output}{await errors}");
        }

        return (process.ExitCode, new StringBuilder().Append(await output).Append(await errors).ToString());
    }
}
