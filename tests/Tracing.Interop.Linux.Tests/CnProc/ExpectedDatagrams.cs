using System.Text.Json.Nodes;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>The lines of expected.jsonl, by file name.</summary>
internal static class ExpectedDatagrams
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> s_lines = new(Load);

    public static IReadOnlyDictionary<string, JsonObject> Lines => s_lines.Value;

    /// <summary>Every file expected.jsonl names, in order: theory data for tests that go through all of them.</summary>
    public static TheoryData<string> Files => [.. Lines.Keys.Order(StringComparer.Ordinal)];

    private static Dictionary<string, JsonObject> Load()
    {
        var lines = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var text in File.ReadLines(CnProcFixtures.ExpectedPath).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var line = JsonNode.Parse(text)!.AsObject();
            lines.Add((string)line["file"]!, line);
        }

        return lines;
    }
}
