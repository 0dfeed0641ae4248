namespace Tracing.Kernel.Tests.Packaging;

/// <summary>How C# blocks are found in Markdown and what their markers mean (no packages needed).</summary>
public sealed class MarkdownSnippetsTests
{
    private const string Fence = "```";

    [Fact]
    public void Finds_csharp_blocks_by_file_and_line_and_leaves_other_blocks()
    {
        var markdown = string.Join('\n',
            "# Title",
            $"{Fence}sh",
            "dotnet pack",
            Fence,
            "",
            $"{Fence}csharp",
            "Console.WriteLine(1);",
            Fence,
            $"{Fence}cs title",
            "Console.WriteLine(2);",
            Fence);

        var snippets = MarkdownSnippets.Parse("doc.md", markdown).ToArray();

        Assert.Equal(
            [new MarkdownSnippet("doc.md", 6, "Console.WriteLine(1);", SnippetKind.Program), new MarkdownSnippet("doc.md", 9, "Console.WriteLine(2);", SnippetKind.Program)],
            snippets);
        Assert.Equal("doc.md:6", snippets[0].Name);
    }

    [Theory]
    [InlineData("<!-- snippet: fragment -->", SnippetKind.Fragment)]
    [InlineData("<!--snippet: compile-only-->", SnippetKind.CompileOnly)]
    public void A_marker_on_the_last_line_before_the_fence_says_the_kind(string marker, SnippetKind kind)
    {
        var markdown = string.Join('\n', "Text.", "", marker, "", $"{Fence}csharp", "var x = 1;", Fence, $"{Fence}csharp", "var y = 2;", Fence);

        var snippets = MarkdownSnippets.Parse("doc.md", markdown).ToArray();

        Assert.Equal([kind, SnippetKind.Program], snippets.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("<!-- snippet: fragmnet -->", $"{Fence}csharp")]
    [InlineData("<!-- snippet: fragment -->", $"{Fence}sh")]
    [InlineData("<!-- snippet: fragment -->", "Text between the marker and the block.")]
    public void A_marker_that_is_unknown_or_not_above_a_csharp_block_is_an_error(string marker, string next)
    {
        var markdown = string.Join('\n', marker, next, "var x = 1;", Fence, $"{Fence}csharp", "var y = 2;", Fence);

        var error = Assert.Throws<FormatException>(() => MarkdownSnippets.Parse("doc.md", markdown).ToArray());

        Assert.StartsWith("doc.md:1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_fence_inside_another_block_is_text_and_a_longer_fence_holds_a_shorter_one()
    {
        var markdown = string.Join('\n', "````markdown", $"{Fence}csharp", "not code", Fence, "````", "  ```csharp", "  var indented = 1;", "  ```");

        var snippet = Assert.Single(MarkdownSnippets.Parse("doc.md", markdown));

        Assert.Equal(("var indented = 1;", 6), (snippet.Code, snippet.Line));
    }

    [Fact]
    public void A_block_left_open_is_an_error()
    {
        Assert.Throws<FormatException>(() => MarkdownSnippets.Parse("doc.md", $"{Fence}csharp\nvar x = 1;\n").ToArray());
    }
}
