using System.Text;
using System.Text.Json.Nodes;
using Tracing.Events;
using Tracing.Darwin.ProcArgs;

namespace Tracing.Darwin.Tests.ProcArgs;

public class ProcArgs2FixtureTests
{
    public static TheoryData<string> Files => DarwinFixtures.Entries("procargs2");

    [Theory]
    [MemberData(nameof(Files))]
    public void Decoder_returns_what_expected_json_says(string file)
    {
        var expected = DarwinFixtures.Expected["procargs2"]![file]!;

        var decoded = ProcArgs2Decoder.TryDecode(DarwinFixtures.Read(file), out var path, out var argv, out var count);

        if (expected.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            Assert.Equal("error", (string)expected!);
            Assert.False(decoded, $"{file} must be rejected");
            return;
        }

        Assert.True(decoded, $"{file} must decode");
        var arguments = ProcessArguments.FromNulSeparated(argv);
        Assert.Equal(count, arguments.Count);
        var actual = new JsonObject
        {
            ["exec_path"] = Encoding.UTF8.GetString(path),
            ["argv"] = new JsonArray([.. arguments.Strings.Select(s => (JsonNode)s)]),
        };
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }
}
