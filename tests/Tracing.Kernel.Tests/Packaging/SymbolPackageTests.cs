using System.Reflection.Metadata;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// The libraries' portable PDBs (.snupkg): paths normalised (no folder of the packing machine), every source either
/// reachable through the source link (the pack named a repository URL) or embedded.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class SymbolPackageTests(PackedPackages packages)
{
    private static readonly Guid s_sourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid s_embeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Fact]
    public void Every_library_has_a_symbol_package_with_its_pdb()
    {
        Assert.NotEmpty(packages.SymbolPackages);
        Assert.All(packages.SymbolPackages.Select(NuGetPackage.Open), symbols =>
            Assert.Contains($"lib/net10.0/{symbols.Id}.pdb", symbols.Files));
    }

    [Fact]
    public void Pdb_paths_are_normalised_and_every_source_is_linked_or_embedded()
    {
        foreach (var symbols in packages.SymbolPackages.Select(NuGetPackage.Open))
        {
            var commit = (string?)NuGetPackage.Open(packages.PackageOf(symbols.Id)).Metadata.Elements()
                .Single(e => e.Name.LocalName == "repository").Attribute("commit");
            Assert.False(string.IsNullOrEmpty(commit), $"{symbols.Id}: the package names no commit");

            using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(symbols.Read($"lib/net10.0/{symbols.Id}.pdb")));
            var pdb = provider.GetMetadataReader();
            var links = SourceLinkOf(pdb);
            Assert.NotNull(links);

            // The repository's files map to the commit's raw files on the host the pack named.
            var repository = new Uri(PackedPackages.RepositoryUrl).AbsolutePath.Trim('/');
            Assert.Equal($"https://raw.githubusercontent.com/{repository}/{commit}/*", Assert.Contains("/_/*", links));

            var documents = pdb.Documents.Select(d => (Handle: d, Name: pdb.GetString(pdb.GetDocument(d).Name))).ToArray();
            Assert.NotEmpty(documents);
            Assert.All(documents, d =>
            {
                Assert.StartsWith("/_", d.Name, StringComparison.Ordinal);
                Assert.DoesNotContain(Repository.Root.TrimEnd('/'), d.Name, StringComparison.Ordinal);
                var linked = links.Keys.Any(k => d.Name.StartsWith(k.TrimEnd('*'), StringComparison.Ordinal));
                Assert.True(linked || IsEmbedded(pdb, d.Handle), $"{symbols.Id}: {d.Name} is neither source-linked nor embedded");
            });
            Assert.Contains(documents, d => d.Name.StartsWith($"/_/src/{symbols.Id}/", StringComparison.Ordinal));
        }
    }

    private static Dictionary<string, string>? SourceLinkOf(MetadataReader pdb)
    {
        foreach (var handle in pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(information.Kind) == s_sourceLink)
            {
                using var json = JsonDocument.Parse(pdb.GetBlobBytes(information.Value));
                return json.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            }
        }

        return null;
    }

    private static bool IsEmbedded(MetadataReader pdb, DocumentHandle document) =>
        pdb.GetCustomDebugInformation(document).Any(h => pdb.GetGuid(pdb.GetCustomDebugInformation(h).Kind) == s_embeddedSource);
}
