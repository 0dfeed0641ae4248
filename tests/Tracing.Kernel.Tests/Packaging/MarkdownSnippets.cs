using System.Text.RegularExpressions;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// Finds the C# code blocks of Markdown text: fenced with ```csharp (or cs, c#), each optionally marked by an
/// HTML comment on the nearest non-blank line above its fence, <c>&lt;!-- snippet: fragment --&gt;</c> or
/// <c>&lt;!-- snippet: compile-only --&gt;</c>. Blocks inside other fences are text, not code.
/// </summary>
internal static partial class MarkdownSnippets
{
    /// <summary>The Markdown files whose C# blocks must build: the README, everything under docs/, and each package's README.</summary>
    public static IEnumerable<string> FilesOf(string root) =>
        new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Concat(Directory.EnumerateDirectories(Path.Combine(root, "src")).Select(project => Path.Combine(project, "README.md")).Where(File.Exists).Order(StringComparer.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'));

    /// <summary>Every C# block of the repository's README and docs.</summary>
    public static IReadOnlyList<MarkdownSnippet> Of(string root) =>
        FilesOf(root).SelectMany(file => Parse(file, File.ReadAllText(Path.Combine(root, file)))).ToArray();

    /// <summary>The C# blocks of <paramref name="markdown"/>, named by <paramref name="file"/> and line.</summary>
    /// <exception cref="FormatException">A marker that is not known, or not right above a C# block, or a block left open.</exception>
    public static IEnumerable<MarkdownSnippet> Parse(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        (int Line, SnippetKind Kind)? marker = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                if (lines[i].Trim().Length > 0)
                {
                    ThrowIfMarkerUnused(file, marker);
                    marker = MarkerOf(file, i + 1, lines[i]);
                }

                continue;
            }

            var (indent, run, info) = (fence.Groups["indent"].Value.Length, fence.Groups["fence"].Value, fence.Groups["info"].Value);
            var close = FindClose(lines, i + 1, run) ?? throw new FormatException($"{file}:{i + 1}: the code block is never closed.");
            var isCSharp = info.Split(' ', 2)[0].ToLowerInvariant() is "csharp" or "cs" or "c#";
            if (isCSharp)
            {
                var code = string.Join('\n', lines[(i + 1)..close].Select(line => Unindent(line, indent)));
                yield return new MarkdownSnippet(file, i + 1, code, marker?.Kind ?? SnippetKind.Program);
                marker = null;
            }

            ThrowIfMarkerUnused(file, marker);
            marker = null;
            i = close;
        }

        ThrowIfMarkerUnused(file, marker);
    }

    private static (int Line, SnippetKind Kind)? MarkerOf(string file, int line, string text)
    {
        var marker = Marker().Match(text);
        if (!marker.Success)
        {
            return null;
        }

        return marker.Groups["kind"].Value switch
        {
            "fragment" => (line, SnippetKind.Fragment),
            "compile-only" => (line, SnippetKind.CompileOnly),
            var other => throw new FormatException($"{file}:{line}: '<!-- snippet: {other} -->' is not a snippet marker; the markers are 'fragment' and 'compile-only' (docs/packaging.md)."),
        };
    }

    private static void ThrowIfMarkerUnused(string file, (int Line, SnippetKind Kind)? marker)
    {
        if (marker is { } unused)
        {
            throw new FormatException($"{file}:{unused.Line}: a snippet marker must be the last line before a ```csharp block.");
        }
    }

    private static int? FindClose(string[] lines, int from, string run)
    {
        for (var i = from; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length >= run.Length && trimmed.All(c => c == run[0]))
            {
                return i;
            }
        }

        return null;
    }

    private static string Unindent(string line, int indent)
    {
        var spaces = line.Length - line.TrimStart(' ').Length;
        return line[Math.Min(spaces, indent)..];
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})\s*(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<kind>\S+)\s*-->\s*$")]
    private static partial Regex Marker();
}
