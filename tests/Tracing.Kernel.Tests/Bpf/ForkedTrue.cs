using System.Diagnostics;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>Starts a command from the calling thread (the fork happens on it) and waits for it to exit.</summary>
internal static class ForkedTrue
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; returns its pid.</summary>
    public static int Run(string file = "/bin/true", params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
        var pid = process.Id;
        Assert.True(process.WaitForExit(30_000), $"{file} did not exit.");
        Assert.Equal(0, process.ExitCode);
        return pid;
    }
}
