using System.Text.Json.Nodes;
using Tracing.Containers;

namespace Tracing.Core.Tests.Containers;

public partial class ContainerCgroupPathTests
{
    public static TheoryData<string> Captures() => [.. ContainerFixtures.Files()];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Each_capture_names_the_container_its_expectation_gives(string file)
    {
        var memberships = ContainerFixtures.Read(file);
        Assert.True(ContainerFixtures.Expected.TryGetPropertyValue(file, out var expected), $"{file} has no entry in expected.json.");

        var found = ContainerCgroupPath.TryFind(memberships, out var id, out var engine);

        if (expected is null)
        {
            Assert.False(found, $"{file} is a host capture, but {engine} container {id} was found.");
            Assert.Null(id);
            Assert.Null(engine);
        }
        else
        {
            Assert.True(found, $"{file}: no container found.");
            Assert.Equal(Field(expected, "id"), id);
            Assert.Equal(Field(expected, "engine"), engine);
        }
    }

    [Fact]
    public void Every_capture_has_an_expectation_and_every_expectation_a_capture()
    {
        var files = ContainerFixtures.Files().ToArray();
        var entries = ContainerFixtures.Expected.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(files);
        Assert.Equal(entries, files);
    }

    [Fact]
    public void The_fixture_folder_holds_only_captures_expected_json_and_the_readme()
    {
        var others = Directory.GetFiles(ContainerFixtures.Directory).Select(Path.GetFileName)
            .Where(name => !name!.EndsWith(ContainerFixtures.Extension, StringComparison.Ordinal) && name is not ("expected.json" or "README.md"));

        Assert.Empty(others);
    }

    private static string Field(JsonNode expected, string name) =>
        expected[name]?.GetValue<string>() ?? throw new InvalidOperationException($"An expectation has no '{name}'.");
}
