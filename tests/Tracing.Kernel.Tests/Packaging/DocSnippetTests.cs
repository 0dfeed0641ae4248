namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// Every C# block of README.md and docs/**/*.md, as a reader would use it: a new console app that references only
/// the packed packages builds it and, unless its marker says otherwise, runs it to exit code 0 (docs/packaging.md,
/// "C# in the docs").
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class DocSnippetTests(PackedPackages packages)
{
    private static readonly TimeSpan s_buildBound = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_runBound = TimeSpan.FromMinutes(1);

    /// <summary>Each block by its file and line (README.md:204); found again when the test runs.</summary>
    public static TheoryData<string> Snippets() => new(MarkdownSnippets.Of(Repository.Root).Select(s => s.Name));

    [Fact]
    public void The_readme_has_csharp_to_check()
    {
        Assert.Contains(MarkdownSnippets.Of(Repository.Root), s => s.File == "README.md");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task A_console_app_that_references_only_the_packages_builds_it_and_runs_it(string name)
    {
        var snippet = MarkdownSnippets.Of(Repository.Root).Single(s => s.Name == name);
        var folder = packages.NewFolder("snippet");
        var program = SnippetProject.Write(folder, snippet, packages);

        var (built, output) = await Dotnet.TryRunAsync(s_buildBound, folder, "build", "-c", "Release", "--disable-build-servers");
        Assert.True(built == 0, $"{name} does not build against the packages ({snippet.Kind}):\n{output}");
        if (snippet.Kind != SnippetKind.Program)
        {
            return;
        }

        var (exitCode, printed) = await Dotnet.RunProgramAsync(program, s_runBound, folder);
        Assert.True(exitCode == 0, $"{name} exited {exitCode}:\n{printed}");
    }
}
