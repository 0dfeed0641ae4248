namespace Tracing.StormBench;

internal static class RepositoryRoot
{
    /// <summary>The directory holding Tracing.sln, searched upwards from the working directory, then from the binary.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Tracing.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Tracing.sln not found above the working directory; run from the repository.");
    }
}
