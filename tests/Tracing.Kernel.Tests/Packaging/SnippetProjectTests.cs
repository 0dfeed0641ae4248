namespace Tracing.Kernel.Tests.Packaging;

/// <summary>The project a doc block becomes: a fragment builds as a method body, and errors name the Markdown line.</summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class SnippetProjectTests(PackedPackages packages)
{
    private static readonly TimeSpan s_buildBound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_fragment_builds_with_its_using_directives_above_the_method_it_is_the_body_of()
    {
        var (built, output) = await BuildAsync("using Microsoft.Extensions.DependencyInjection;\nvar services = new ServiceCollection().AddExecTracing();\nawait Task.Yield();");

        Assert.True(built == 0, output);
    }

    [Fact]
    public async Task An_error_in_a_block_names_the_markdown_file_and_line()
    {
        var (built, output) = await BuildAsync("using Tracing.Tracer;\n\nExecTracer tracer = 42;");

        Assert.NotEqual(0, built);
        Assert.Contains($"{Repository.PathOf("doc.md")}(13,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocks_package_directives_become_package_references_and_its_lines_keep_their_numbers()
    {
        var (built, output) = await BuildAsync(
            "#:package Microsoft.Extensions.Hosting@10.0.0\nusing Microsoft.Extensions.Hosting;\nvar builder = Host.CreateApplicationBuilder();\nint broken = \"x\";");

        // Host.CreateApplicationBuilder resolved from the package named; the error still on the Markdown's line 14.
        Assert.NotEqual(0, built);
        Assert.DoesNotContain("CS0103", output, StringComparison.Ordinal);
        Assert.Contains($"{Repository.PathOf("doc.md")}(14,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_directives_are_taken_out_and_only_they()
    {
        var (code, found) = SnippetProject.TakePackageDirectives("#:package A.B@1.2.3\nusing X;\n  #:package C@1\n#:package D@2");

        Assert.Equal(["A.B@1.2.3", "D@2"], found.Select(p => $"{p.Id}@{p.Version}"));
        Assert.Equal("\nusing X;\n  #:package C@1\n", code);
    }

    // The block as if its fence were on line 10 of doc.md, marked as a fragment.
    private async Task<(int ExitCode, string Output)> BuildAsync(string code)
    {
        var folder = packages.NewFolder("fragment");
        SnippetProject.Write(folder, new MarkdownSnippet("doc.md", 10, code, SnippetKind.Fragment), packages);
        return await Dotnet.TryRunAsync(s_buildBound, folder, "build", "-c", "Release", "--disable-build-servers");
    }
}
