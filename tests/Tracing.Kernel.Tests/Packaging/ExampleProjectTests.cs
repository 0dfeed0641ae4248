using System.Xml.Linq;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// The example projects under docs/examples build outside the repository against the packed packages: each
/// reference to a project under src becomes a reference to its package, at the repository's version.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ExampleProjectTests(PackedPackages packages)
{
    private static readonly TimeSpan s_buildBound = TimeSpan.FromMinutes(5);

    /// <summary>Each example project, by its folder under docs/examples.</summary>
    public static TheoryData<string> Examples() =>
        new(Directory.GetFiles(Repository.PathOf("docs/examples"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(p)!)));

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task An_example_builds_against_the_packages(string example)
    {
        var source = Repository.PathOf(example);
        var folder = packages.NewFolder("example");
        foreach (var file in Directory.GetFiles(source).Where(f => !f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var project = Directory.GetFiles(source, "*.csproj").Single();
        AsPackageConsumer(XDocument.Load(project), packages.Version).Save(Path.Combine(folder, Path.GetFileName(project)));
        SnippetProject.WriteIsolation(folder, packages);

        var (built, output) = await Dotnet.TryRunAsync(s_buildBound, folder, "build", "-c", "Release", "--disable-build-servers");
        Assert.True(built == 0, $"{example} does not build against the packages:\n{output}");
    }

    // What the repository's Directory.Build.props and Directory.Packages.props gave the project, said in it.
    private static XDocument AsPackageConsumer(XDocument project, string version)
    {
        var pinned = XDocument.Load(Repository.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.Ordinal);
        var root = project.Root!;
        foreach (var reference in root.Descendants("ProjectReference").ToArray())
        {
            var id = Path.GetFileNameWithoutExtension(((string)reference.Attribute("Include")!).Replace('\\', '/'));
            reference.ReplaceWith(new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version)));
        }

        foreach (var reference in root.Descendants("PackageReference").Where(r => r.Attribute("Version") is null))
        {
            reference.SetAttributeValue("Version", pinned[(string)reference.Attribute("Include")!]);
        }

        root.AddFirst(new XElement(
            "PropertyGroup",
            new XElement("TargetFramework", "net10.0"),
            new XElement("ImplicitUsings", "enable"),
            new XElement("Nullable", "enable"),
            new XElement("TreatWarningsAsErrors", "true")));
        return project;
    }
}
