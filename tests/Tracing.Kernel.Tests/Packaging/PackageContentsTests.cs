using System.Text;
using System.Text.RegularExpressions;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>What the packed packages hold, read from the packages themselves (docs/packaging.md's table).</summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class PackageContentsTests(PackedPackages packages)
{
    private IEnumerable<NuGetPackage> All => packages.Packages.Select(NuGetPackage.Open);

    [Fact]
    public void Every_project_under_src_is_packed_at_the_repository_version()
    {
        var projects = Directory.GetFiles(Repository.PathOf("src"), "*.csproj", SearchOption.AllDirectories).Select(p => Path.GetFileNameWithoutExtension(p));
        var ids = All.Select(p => p.Id).ToArray();

        Assert.All(projects, id => Assert.Contains(id, ids));
        Assert.All(All, p => Assert.Equal(packages.Version, p.Version));
    }

    [Fact]
    public void Every_package_carries_its_own_readme_that_names_it()
    {
        var rootReadme = File.ReadAllText(Repository.PathOf("README.md"));
        var readmes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in All)
        {
            Assert.Equal("README.md", package.MetadataOf("readme"));
            var readme = Encoding.UTF8.GetString(package.Read("README.md"));
            Assert.NotEqual(rootReadme, readme);
            Assert.Matches($@"(?<![\w.-]){Regex.Escape(package.Id)}(?![\w-]|\.\w)", readme);
            readmes[package.Id] = readme;
        }

        // One README per project: only a tool's packages (its pointer and its RID packages) share theirs.
        var shared = readmes.GroupBy(r => r.Value, r => r.Key).Where(g => g.Count() > 1);
        Assert.All(shared, group => Assert.All(group, id => Assert.StartsWith("Tracing.Cli", id, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_project_tags_its_package_with_its_own_tags()
    {
        var tags = All.Where(p => !p.IsTool || p.Id == "Tracing.Cli").ToDictionary(p => p.Id, p => p.MetadataOf("tags") ?? "");

        Assert.All(tags, t => Assert.NotEmpty(t.Value));
        Assert.Equal(tags.Count, tags.Values.Distinct(StringComparer.Ordinal).Count());
        // The macOS backend was once tagged as the Linux one.
        Assert.DoesNotContain("netlink", tags["Tracing.Interop.Darwin"].Split(' '));
    }

    [Fact]
    public void Libraries_hold_their_assembly_and_its_docs_and_their_symbols_are_beside_them()
    {
        var libraries = All.Where(p => !p.IsTool).ToArray();
        var symbols = packages.SymbolPackages.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(libraries);
        Assert.All(libraries, library =>
        {
            Assert.Contains($"lib/net10.0/{library.Id}.dll", library.Files);
            Assert.Contains($"lib/net10.0/{library.Id}.xml", library.Files);
            Assert.DoesNotContain(library.Files, f => f.EndsWith(".pdb", StringComparison.Ordinal));
            Assert.Contains($"{library.Id}.{library.Version}.snupkg", symbols);
        });
    }

    [Fact]
    public void Tool_packages_hold_the_program_alone()
    {
        var tools = All.Where(p => p.IsTool).ToArray();

        Assert.Contains(tools, t => t.Files.Contains("tools/net10.0/any/exectrace.dll"));
        Assert.All(tools, tool =>
        {
            var shipped = tool.Files.Where(f => f.StartsWith("tools/", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(shipped);
            // tools/<framework>/<rid>/<file>: no folder below the tool's, so no satellite-language folders.
            Assert.All(shipped, f => Assert.Equal(4, f.Split('/').Length));
            Assert.DoesNotContain(shipped, f => f.EndsWith(".resources.dll", StringComparison.Ordinal));
            Assert.DoesNotContain(shipped, f => f.EndsWith(".pdb", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal));
            Assert.DoesNotContain(shipped, f => f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        });
        Assert.DoesNotContain(packages.SymbolPackages, s => Path.GetFileName(s).StartsWith("Tracing.Cli", StringComparison.Ordinal));
    }
}
