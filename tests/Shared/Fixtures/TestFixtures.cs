using System.Reflection;

namespace Tracing.Tests.Fixtures;

/// <summary>
/// Where the recorded fixtures are: <c>tests/fixtures</c> of this repository, or the folder the environment variable
/// <c>TRACING_FIXTURES_DIR</c> names (holding <c>cn_proc/</c>, <c>darwin/</c> and <c>containers/</c>), to run the same tests on another
/// capture of the same layout. Fails loudly when the folder is missing.
/// </summary>
internal static class TestFixtures
{
    public const string EnvironmentVariable = "TRACING_FIXTURES_DIR";

    public static string Directory { get; } = Find();

    private static string Find()
    {
        var chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var directory = !string.IsNullOrEmpty(chosen)
            ? chosen
            : typeof(TestFixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "TracingFixturesDir")?.Value;
        if (string.IsNullOrEmpty(directory))
        {
            throw new InvalidOperationException("The test assembly has no TracingFixturesDir metadata.");
        }

        return System.IO.Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException($"The fixtures folder {directory} does not exist ({EnvironmentVariable} or tests/fixtures).");
    }
}
