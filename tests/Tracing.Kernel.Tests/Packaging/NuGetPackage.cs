using System.IO.Compression;
using System.Xml.Linq;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>A .nupkg or .snupkg read whole: its nuspec and the names and bytes of its files.</summary>
internal sealed class NuGetPackage
{
    private readonly Dictionary<string, byte[]> _files;

    private NuGetPackage(string path, Dictionary<string, byte[]> files, XElement metadata)
    {
        Path = path;
        _files = files;
        Metadata = metadata;
    }

    /// <summary>Where the package file is.</summary>
    public string Path { get; }

    /// <summary>The nuspec's metadata element.</summary>
    public XElement Metadata { get; }

    /// <summary>The package's id.</summary>
    public string Id => MetadataOf("id")!;

    /// <summary>The package's version.</summary>
    public string Version => MetadataOf("version")!;

    /// <summary>True for a dotnet tool's package: its pointer (DotnetTool) or one of its RID packages (DotnetToolRidPackage).</summary>
    public bool IsTool => Metadata.Descendants().Any(e => e.Name.LocalName == "packageType" && ((string?)e.Attribute("name"))?.StartsWith("DotnetTool", StringComparison.Ordinal) == true);

    /// <summary>Every file's path in the package, with '/' separators.</summary>
    public IReadOnlyCollection<string> Files => _files.Keys;

    /// <summary>The text of the nuspec metadata element <paramref name="name"/>, or null.</summary>
    public string? MetadataOf(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>The bytes of the file at <paramref name="path"/> in the package.</summary>
    public byte[] Read(string path) => _files[path];

    /// <summary>Reads the package at <paramref name="path"/>.</summary>
    public static NuGetPackage Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            files[Uri.UnescapeDataString(entry.FullName)] = bytes.ToArray();
        }

        var nuspec = files.Single(f => !f.Key.Contains('/', StringComparison.Ordinal) && f.Key.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspecStream = new MemoryStream(nuspec.Value);
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new NuGetPackage(path, files, metadata);
    }
}
