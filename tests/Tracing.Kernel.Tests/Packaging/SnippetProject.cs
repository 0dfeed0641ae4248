using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// A new console app, as <c>dotnet new console</c> makes one, whose only references are the packed library packages,
/// restored from their folder (and the machine's feeds for what they depend on) into a fresh package cache.
/// </summary>
internal static partial class SnippetProject
{
    /// <summary>Writes the project of <paramref name="snippet"/> into <paramref name="folder"/>; returns the program's path once built.</summary>
    public static string Write(string folder, MarkdownSnippet snippet, PackedPackages packages)
    {
        WriteIsolation(folder, packages);
        var markdown = Repository.PathOf(snippet.File);
        // What a .NET 10 file-based app would take: the block's own "#:package Name@Version" lines (blank in the build).
        var (code, extra) = TakePackageDirectives(snippet.Code);
        snippet = snippet with { Code = code };
        var references = string.Concat(packages.LibraryIds.Select(id => (id, packages.Version)).Concat(extra)
            .Select(p => $"""    <PackageReference Include="{p.Item1}" Version="{p.Item2}" />{"\n"}"""));
        File.WriteAllText(Path.Combine(folder, "Snippet.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{(snippet.Kind == SnippetKind.Fragment ? "Library" : "Exe")}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Snippet.cs"), snippet.Kind == SnippetKind.Fragment
            ? FragmentSource(snippet, markdown)
            : $"#line {snippet.FirstCodeLine} \"{markdown}\"\n{snippet.Code}\n");
        return Path.Combine(folder, "bin", "Release", "net10.0", "Snippet");
    }

    /// <summary>
    /// Cuts <paramref name="folder"/> off the repository's build files and NuGet settings (it may sit below them) and
    /// points NuGet at the packed packages, beside the machine's own feeds, with a fresh package cache.
    /// </summary>
    public static void WriteIsolation(string folder, PackedPackages packages)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(folder, file), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(packages.GlobalPackagesFolder)}" />
              </config>
              <packageSources>
                <add key="tracing-packed" value="{SecurityElement.Escape(packages.Folder)}" />
              </packageSources>
            </configuration>
            """);
    }

    // Statements in an async method; their using directives above it, each on its own line of the Markdown file.
    private static string FragmentSource(MarkdownSnippet snippet, string markdown)
    {
        var lines = snippet.Code.Split('\n');
        var source = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (UsingDirective().IsMatch(lines[i]))
            {
                source.Append(CultureInfo.InvariantCulture, $"#line {snippet.FirstCodeLine + i} \"{markdown}\"\n").Append(lines[i]).Append('\n');
                lines[i] = "";
            }
        }

        return source
            .Append("#line default\n")
            .Append("internal static class Snippet\n{\n    internal static async Task RunAsync()\n    {\n        await Task.CompletedTask;\n")
            .Append(CultureInfo.InvariantCulture, $"#line {snippet.FirstCodeLine} \"{markdown}\"\n")
            .AppendJoin('\n', lines)
            .Append("\n#line default\n    }\n}\n")
            .ToString();
    }

    /// <summary>The block's <c>#:package Name@Version</c> lines, each replaced by an empty line (line numbers stay).</summary>
    public static (string Code, List<(string Id, string Version)> Packages) TakePackageDirectives(string code)
    {
        var packages = new List<(string, string)>();
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (PackageDirective().Match(lines[i]) is { Success: true } match)
            {
                packages.Add((match.Groups[1].Value, match.Groups[2].Value));
                lines[i] = "";
            }
        }

        return (string.Join('\n', lines), packages);
    }

    [GeneratedRegex(@"^#:package\s+([\w.]+)@(\S+)\s*$")]
    private static partial Regex PackageDirective();

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
