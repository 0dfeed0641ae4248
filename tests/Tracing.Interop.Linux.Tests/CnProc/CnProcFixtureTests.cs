using System.Text.Json.Nodes;

namespace Tracing.Linux.Tests.CnProc;

public class CnProcFixtureTests
{
    public static TheoryData<string> Files => ExpectedDatagrams.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public void Reader_decodes_every_field_expected_jsonl_gives(string file)
    {
        var expected = ExpectedDatagrams.Lines[file];

        var actual = CnProcJson.Decode(file, CnProcFixtures.Read(file));

        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }

    [Fact]
    public void Every_recorded_and_synthetic_datagram_has_an_expectation()
    {
        var files = CnProcFixtures.BinFiles("feed").Concat(CnProcFixtures.BinFiles("synth")).ToList();

        Assert.NotEmpty(CnProcFixtures.BinFiles("feed"));
        Assert.NotEmpty(CnProcFixtures.BinFiles("synth"));
        Assert.Empty(files.Except(ExpectedDatagrams.Lines.Keys));
        Assert.Empty(ExpectedDatagrams.Lines.Keys.Except(files));
    }
}
