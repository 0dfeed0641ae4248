using System.Runtime.InteropServices;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// The packages as the README makes them (<c>dotnet pack Tracing.sln -c Release</c>), packed once for every test of
/// the collection: from the real source, with build folders of its own so the repository's bin, obj and
/// artifacts are not touched, and a repository URL named as a release names it (the clone may have no remote).
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    /// <summary>The repository URL the pack is given, as <c>dotnet pack -p:RepositoryUrl=...</c>.</summary>
    public const string RepositoryUrl = "https://github.com/tracing-tests/tracing";

    private static readonly TimeSpan s_packBound = TimeSpan.FromMinutes(15);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("exectrace-pack-");

    /// <summary>The folder the packages are in (what artifacts/packages is to a developer's pack).</summary>
    public string Folder => Path.Combine(_work.FullName, "packages");

    /// <summary>The version every package has: the repository's <c>VersionPrefix</c>.</summary>
    public string Version { get; } = Repository.VersionPrefix;

    /// <summary>
    /// The NuGet package cache of projects built against these packages: fresh, so that a package of the same
    /// version cached by an earlier pack (~/.nuget/packages) never stands in for the one packed here.
    /// </summary>
    public string GlobalPackagesFolder => Path.Combine(_work.FullName, "nuget-packages");

    /// <summary>The ids of the library packages packed (every package but the tool's), which an application may reference.</summary>
    public IReadOnlyList<string> LibraryIds => Packages.Select(NuGetPackage.Open).Where(p => !p.IsTool).Select(p => p.Id).ToArray();

    /// <summary>The packages packed (.nupkg), by file name.</summary>
    public IReadOnlyList<string> Packages => Directory.GetFiles(Folder, "*.nupkg").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The symbol packages packed (.snupkg), by file name.</summary>
    public IReadOnlyList<string> SymbolPackages => Directory.GetFiles(Folder, "*.snupkg").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The package of <paramref name="id"/> at <see cref="Version"/>.</summary>
    public string PackageOf(string id) => Path.Combine(Folder, $"{id}.{Version}.nupkg");

    /// <summary>A new empty folder for one test's work, removed with the packages.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_work.FullName, "tests", $"{name}-{Guid.NewGuid():N}")).FullName;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // Only this machine's native tool package (a cross-linked one is docs/packaging.md's business); no build
        // server outlives the pack.
        await Dotnet.RunAsync(
            s_packBound,
            Repository.Root,
            "pack", Repository.PathOf("Tracing.sln"), "-c", "Release", "--disable-build-servers",
            "--artifacts-path", Path.Combine(_work.FullName, "build"),
            $"-p:PackageOutputPath={Folder}/",
            $"-p:RepositoryUrl={RepositoryUrl}",
            $"-p:ToolNativeRuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
