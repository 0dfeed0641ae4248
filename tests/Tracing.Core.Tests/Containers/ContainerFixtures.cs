using System.Text.Json.Nodes;
using Tracing.Ports;
using Tracing.Tests.Fixtures;

namespace Tracing.Core.Tests.Containers;

/// <summary>
/// The recorded <c>/proc/PID/cgroup</c> files of <c>tests/fixtures/containers</c> and their expectations; fails loudly
/// when they are missing.
/// </summary>
internal static class ContainerFixtures
{
    public const string Extension = ".cgroup";

    public static string Directory { get; } = Path.Combine(TestFixtures.Directory, "containers");

    public static JsonObject Expected { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "expected.json")))!.AsObject();

    public static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(Directory, "*" + Extension).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>
    /// A capture's lines as memberships: <c>hierarchy-id:controllers:path</c>, split at the first two colons as
    /// cgroups(7) describes (the path may hold a colon). Test-side, so the test does not rest on the Linux parser.
    /// </summary>
    public static CgroupMembership[] Read(string file) =>
        [.. File.ReadAllLines(Path.Combine(Directory, file)).Where(line => line.Length > 0).Select(ParseLine)];

    private static CgroupMembership ParseLine(string line)
    {
        var parts = line.Split(':', 3);
        Assert.True(parts.Length == 3 && parts[0].All(char.IsAsciiDigit) && parts[2].StartsWith('/'), $"Not a /proc/PID/cgroup line: '{line}'.");
        return new CgroupMembership(parts[1], parts[2]);
    }
}
