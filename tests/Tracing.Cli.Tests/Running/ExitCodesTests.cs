using System.Reflection;
using Tracing.Cli.Running;

namespace Tracing.Cli.Tests.Running;

public class ExitCodesTests
{
    [Fact]
    public void The_readme_table_is_the_clis_table()
    {
        Assert.Equal(ExitCodes.Table, ReadmeTable());
    }

    [Fact]
    public void Every_named_code_has_one_row_and_no_code_has_two()
    {
        // Every code the class names, so a new one cannot be left out of the table.
        var named = typeof(ExitCodes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(int))
            .Select(field => (int)field.GetRawConstantValue()!)
            .ToArray();
        var codes = ExitCodes.Table.Select(row => row.Code).ToList();

        Assert.Equal(codes.Distinct(), codes);
        Assert.All(named, code => Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), codes));
        Assert.Equal(named.Length + 1, codes.Count);
    }

    /// <summary>The rows of the table under README.md's "## Exit codes", as (code, meaning).</summary>
    private static List<(string Code, string Meaning)> ReadmeTable()
    {
        var path = typeof(ExitCodesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TracingReadme").Value!;
        var lines = File.ReadAllLines(path);
        var heading = Array.IndexOf(lines, "## Exit codes");
        Assert.True(heading >= 0, "README.md has no '## Exit codes' section");
        var table = lines.Skip(heading + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(table.Count > 2, "the '## Exit codes' section has no table");
        Assert.Equal("| Code | Meaning |", table[0]);
        return [.. table.Skip(2).Select(Row)];
    }

    private static (string Code, string Meaning) Row(string line)
    {
        var cells = line.Trim('|').Split(" | ");
        Assert.True(cells.Length == 2, $"not a two-column row: {line}");
        return (cells[0].Trim(), cells[1].Trim());
    }
}
