using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tracing.StormBench;

/// <summary>The Native AOT exectrace, as <c>dotnet tool install</c> gives it on Linux: published by the bench, or found.</summary>
internal static class AotBuild
{
    /// <summary>Where the bench publishes it: artifacts/stormbench/exectrace-aot/exectrace.</summary>
    public static string PathUnder(string root) => Path.Combine(root, "artifacts/stormbench/exectrace-aot/exectrace");

    /// <summary>
    /// The binary's path; with <paramref name="publish"/> it is published first. Null, with a message saying why, when
    /// there is none.
    /// </summary>
    public static string? Find(string root, bool publish, TextWriter log)
    {
        var binary = PathUnder(root);
        if (publish)
        {
            var rid = RuntimeInformation.RuntimeIdentifier;
            log.WriteLine($"Publishing src/Tracing.Cli with Native AOT for {rid} (a minute or two)...");
            var start = new ProcessStartInfo(
                "dotnet",
                ["publish", Path.Combine(root, "src/Tracing.Cli"), "-c", "Release", "-r", rid, "-p:PublishAot=true", "-o", Path.GetDirectoryName(binary)!, "-nologo", "-v", "q"])
            {
                RedirectStandardOutput = true, // The tables alone go to stdout.
            };
            using var process = Process.Start(start)!;
            var publishOutput = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            // Trim and AOT analysis warnings (the OpenTelemetry exporter's path included) are said even when it succeeded.
            foreach (var warning in publishOutput.Split('\n').Where(line => line.Contains("warning IL", StringComparison.Ordinal)).Distinct())
            {
                log.WriteLine($"AOT publish: {warning.Trim()}");
            }

            if (process.ExitCode != 0)
            {
                log.Write(publishOutput);
                log.WriteLine(File.Exists(binary)
                    ? $"warning: the Native AOT publish failed (above); using the existing {binary}."
                    : "error: the Native AOT publish failed (above; it needs clang or gcc, see docs/packaging.md); the AOT rows are left out.");
            }
        }

        if (File.Exists(binary))
        {
            return binary;
        }

        if (!publish)
        {
            log.WriteLine($"warning: no Native AOT exectrace at {binary} (run without --no-build to publish it); the AOT rows are left out.");
        }

        return null;
    }
}
