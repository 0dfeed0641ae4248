using System.Diagnostics;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>Runs the <c>podman</c> command line for the engine client's tests; a failure says what podman said.</summary>
internal static class EngineTestPodman
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs podman and returns its standard output, trimmed; throws with its standard error when it fails.</summary>
    public static async Task<string> RunAsync(params string[] arguments) => await RunWithInputAsync(null, arguments);

    /// <summary>As <see cref="RunAsync(string[])"/>, with bytes written to podman's standard input.</summary>
    public static async Task<string> RunWithInputAsync(Stream? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("podman", arguments)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("podman did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"These tests need podman (apt-get install -y podman runc): {e.Message}", e);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(s_commandTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            if (input is not null)
            {
                await input.CopyToAsync(process.StandardInput.BaseStream, timeout.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0
                ? (await output).Trim()
                : throw new InvalidOperationException($"podman {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await error).Trim()}");
        }
    }

    /// <summary>Runs podman and ignores a failure: for cleaning up.</summary>
    public static async Task TryRunAsync(params string[] arguments)
    {
        try
        {
            await RunAsync(arguments);
        }
        catch (InvalidOperationException)
        {
            // Already gone, or podman is not there: nothing to clean.
        }
    }
}
