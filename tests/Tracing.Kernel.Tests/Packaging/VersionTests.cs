using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>The version is set in one place, and CHANGELOG.md's top entry is that version.</summary>
public sealed partial class VersionTests
{
    private static readonly string[] s_versionProperties = ["Version", "VersionPrefix", "PackageVersion", "AssemblyVersion", "FileVersion", "InformationalVersion"];

    [Fact]
    public void The_changelogs_top_version_is_the_version_the_build_sets()
    {
        var versions = File.ReadLines(Repository.PathOf("CHANGELOG.md"))
            .Select(line => ReleaseHeading().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["version"].Value)
            .ToArray();

        Assert.NotEmpty(versions);
        Assert.Equal(Repository.VersionPrefix, versions[0]);
    }

    [Fact]
    public void Only_Directory_Build_props_sets_a_version_and_only_once()
    {
        // Properties only: Directory.Packages.props' <PackageVersion Include=...> items name dependencies' versions.
        var setters = BuildFiles()
            .SelectMany(file => XDocument.Load(file).Descendants()
                .Where(e => s_versionProperties.Contains(e.Name.LocalName) && e.Parent?.Name.LocalName == "PropertyGroup")
                .Select(e => $"{Path.GetRelativePath(Repository.Root, file)}: {e.Name.LocalName}"))
            .ToArray();

        Assert.Equal(["Directory.Build.props: VersionPrefix"], setters);
        Assert.Matches(@"^\d+\.\d+\.\d+$", Repository.VersionPrefix);
    }

    private static IEnumerable<string> BuildFiles(string? folder = null)
    {
        folder ??= Repository.Root;
        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith("proj", StringComparison.Ordinal));
        var below = Directory.EnumerateDirectories(folder)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "artifacts" or ".git" or "TestResults" or "BenchmarkDotNet.Artifacts"))
            .SelectMany(d => BuildFiles(d));
        return files.Concat(below);
    }

    // "## [0.1.0] - 2026-12-02" or "## [0.1.0] - Unreleased"; not "## [Unreleased]".
    [GeneratedRegex(@"^## \[(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]")]
    private static partial Regex ReleaseHeading();
}
