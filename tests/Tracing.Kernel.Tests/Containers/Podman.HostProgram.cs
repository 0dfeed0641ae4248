namespace Tracing.Kernel.Tests.Containers;

internal sealed partial class Podman
{
    /// <summary>The exectrace the tests run, built beside them.</summary>
    public static string ExectraceDll => Path.Join(AppContext.BaseDirectory, "exectrace.dll");

    /// <summary>
    /// Runs a program of the host's inside a new container of <see cref="Image"/> and waits for it: the host's
    /// <c>/usr</c>, <c>/lib</c>, <c>/lib64</c>, the .NET installation and the repository are mounted read-only at their
    /// own paths, so host binaries and <c>dotnet exectrace.dll</c> run there with their libraries, while <c>/etc</c>,
    /// <c>/proc</c> and the namespaces are the container's. <paramref name="runOptions"/> go to <c>podman run</c>
    /// (<c>--user 4242</c>, <c>--network host</c>, <c>--cap-add ...</c>).
    /// </summary>
    public async Task<CommandResult> RunHostProgramAsync(IEnumerable<string> argv, IEnumerable<string>? runOptions = null)
    {
        var name = NewName("host");
        List<string> arguments = ["run", "--rm", "--name", name, "--label", Label, .. s_runtime];
        foreach (var path in HostMounts())
        {
            arguments.AddRange(["-v", $"{path}:{path}:ro"]);
        }

        // The .NET host prints a first-run banner and telemetry notice otherwise.
        arguments.AddRange(["-e", "DOTNET_NOLOGO=1", "-e", "DOTNET_CLI_TELEMETRY_OPTOUT=1"]);
        arguments.AddRange([.. runOptions ?? [], Image, .. argv]);
        return await PodmanAsync(arguments);
    }

    /// <summary>Runs <c>dotnet exectrace.dll ARGUMENTS</c> inside a new container; see <see cref="RunHostProgramAsync"/>.</summary>
    public Task<CommandResult> RunExectraceAsync(IEnumerable<string> arguments, IEnumerable<string>? runOptions = null) =>
        RunHostProgramAsync([DotnetHost, ExectraceDll, .. arguments], runOptions);

    /// <summary>The dotnet the tests run under (so the same runtime runs inside the container).</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";

    private static List<string> HostMounts()
    {
        List<string> mounts = [.. new[] { "/usr", "/lib", "/lib64", "/lib32", "/libx32" }.Where(Path.Exists)];
        // The .NET installation and the build outputs, when they are not under a folder mounted already.
        var dotnetRoot = Path.GetDirectoryName(new FileInfo(DotnetHost).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? DotnetHost)!;
        foreach (var path in new[] { dotnetRoot, RepositoryRoot, Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory) })
        {
            if (!mounts.Any(m => path == m || path.StartsWith(m + "/", StringComparison.Ordinal)))
            {
                mounts.Add(path);
            }
        }

        return mounts;
    }
}
