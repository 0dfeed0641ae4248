using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Tracing.Hosting.Tests.Observability;

/// <summary>The tables of docs/observability.md, each found by its header row, its cells without their backticks.</summary>
internal static partial class ObservabilityDoc
{
    private static readonly Lazy<string[]> s_lines = new(() => File.ReadAllLines(
        typeof(ObservabilityDoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TracingObservabilityDoc").Value!));

    public static IReadOnlyList<Dictionary<string, string>> Metrics => Table("| Name | Kind | Unit | Attributes | Description |");

    public static IReadOnlyList<Dictionary<string, string>> AttributeValues => Table("| Attribute | Value | Meaning |");

    public static IReadOnlyList<Dictionary<string, string>> LogEvents => Table("| Id | Name | Level | Category | Message |");

    public static IReadOnlyList<Dictionary<string, string>> ProcessAttributes => Table("| OpenTelemetry attribute | Type | From | Notes |");

    /// <summary>The bucket boundaries the page gives for <paramref name="histogram"/>.</summary>
    public static double[] Buckets(string histogram)
    {
        var prefix = $"`{histogram}` buckets (seconds): `";
        var line = s_lines.Value.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(line is not null, $"docs/observability.md gives no buckets for {histogram}");
        return [.. line[prefix.Length..line.LastIndexOf('`')].Split(", ").Select(b => double.Parse(b, CultureInfo.InvariantCulture))];
    }

    /// <summary>The <c>Type.Member</c> references in a cell (<c>ExecEvent.Pid</c>).</summary>
    public static IEnumerable<(string Type, string Member)> MemberReferences(string cell) =>
        MemberReference().Matches(cell).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    private static List<Dictionary<string, string>> Table(string header)
    {
        var lines = s_lines.Value;
        var start = Array.IndexOf(lines, header);
        Assert.True(start >= 0, $"docs/observability.md has no table '{header}'");
        var columns = Cells(header);
        var rows = lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.NotEmpty(rows);
        return [.. rows.Select(row =>
        {
            var cells = Cells(row);
            Assert.True(cells.Length == columns.Length, $"not a {columns.Length}-column row: {row}");
            return columns.Zip(cells).ToDictionary(c => c.First, c => c.Second);
        })];
    }

    private static string[] Cells(string row) =>
        [.. row[1..^1].Split('|').Select(c => c.Trim()).Select(c => c.Length > 1 && c[0] == '`' && c[^1] == '`' && c.Count(ch => ch == '`') == 2 ? c[1..^1] : c)];

    [GeneratedRegex(@"(\w+)\.(\w+)")]
    private static partial Regex MemberReference();
}
