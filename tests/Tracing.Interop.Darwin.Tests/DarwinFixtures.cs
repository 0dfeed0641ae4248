using System.Text.Json.Nodes;
using Tracing.Tests.Fixtures;

namespace Tracing.Darwin.Tests;

/// <summary>Finds the recorded macOS sysctl buffers and their expectations (<see cref="TestFixtures"/>); fails loudly when they are missing.</summary>
internal static class DarwinFixtures
{
    public static string Directory { get; } = Path.Combine(TestFixtures.Directory, "darwin");

    public static JsonObject Expected { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "expected.json")))!.AsObject();

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    /// <summary>The names of one section's entries, e.g. every file under <c>"procargs2"</c>.</summary>
    public static TheoryData<string> Entries(string section) => [.. Expected[section]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    public static IEnumerable<string> BinFiles() =>
        System.IO.Directory.GetFiles(Directory, "*.bin").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
