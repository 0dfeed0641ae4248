using System.Text.Json.Nodes;
using Tracing.Darwin.KinfoProc;

namespace Tracing.Darwin.Tests.KinfoProc;

public class KinfoProcFixtureTests
{
    public static TheoryData<string> Files => DarwinFixtures.Entries("kinfo_proc");

    [Theory]
    [MemberData(nameof(Files))]
    public void Decoder_returns_what_expected_json_says(string file)
    {
        var expected = DarwinFixtures.Expected["kinfo_proc"]![file]!;
        var records = new List<KinfoProcRecord>();

        var decoded = KinfoProcDecoder.TryDecodeAll(DarwinFixtures.Read(file), records);

        if (expected.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            Assert.Equal("error", (string)expected!);
            Assert.False(decoded, $"{file} must be rejected whole");
            Assert.Empty(records);
            return;
        }

        Assert.True(decoded, $"{file} must decode");
        var actual = new JsonArray([.. records.Select(ToJson)]);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }

    [Fact]
    public void Every_kinfo_proc_and_poll_file_has_an_expectation()
    {
        var named = DarwinFixtures.Expected["kinfo_proc"]!.AsObject().Select(p => p.Key)
            .Concat(DarwinFixtures.Expected["procargs2"]!.AsObject().Select(p => p.Key))
            .Append((string)DarwinFixtures.Expected["poll"]!["before"]!)
            .Append((string)DarwinFixtures.Expected["poll"]!["after"]!);

        Assert.Empty(DarwinFixtures.BinFiles().Except(named));
        Assert.Empty(named.Except(DarwinFixtures.BinFiles()));
    }

    [Fact]
    public void Expected_json_has_no_section_these_tests_do_not_read()
    {
        Assert.Equal(["kinfo_proc", "layout", "poll", "procargs2", "procargs2_environment"], DarwinFixtures.Expected.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    private static JsonNode ToJson(KinfoProcRecord r) => new JsonObject
    {
        ["pid"] = r.Pid,
        ["ppid"] = r.ParentPid,
        ["comm"] = r.CommandName.ToString(),
        ["start_sec"] = r.StartSeconds,
        ["start_usec"] = r.StartMicroseconds,
        ["ruid"] = r.RealUid,
        ["euid"] = r.EffectiveUid,
        ["zombie"] = r.IsZombie,
        ["pgid"] = r.ProcessGroupId,
    };
}
