namespace Tracing.Kernel.Tests.Packaging;

/// <summary>A C# code block of a Markdown file (docs/packaging.md, "C# in the docs").</summary>
/// <param name="File">The Markdown file, relative to the repository's root, with '/' separators.</param>
/// <param name="Line">The 1-based line of the block's opening fence.</param>
/// <param name="Code">The block's text, without its fences and their indentation.</param>
/// <param name="Kind">How the block is built and whether it runs: its marker.</param>
internal sealed record MarkdownSnippet(string File, int Line, string Code, SnippetKind Kind)
{
    /// <summary>The block's name in test results: <c>README.md:204</c>.</summary>
    public string Name => $"{File}:{Line}";

    /// <summary>The 1-based line of the block's first line of code.</summary>
    public int FirstCodeLine => Line + 1;
}
