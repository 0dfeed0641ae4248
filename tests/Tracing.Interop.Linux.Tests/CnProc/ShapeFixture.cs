using System.Text.Json.Nodes;
using Tracing.Tests.Fixtures;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>
/// One recorded process shape in the repository (tests/fixtures/cn_proc/shapes/NAME): its datagrams, their decoding
/// (expected.jsonl) and what the tracer must make of them (root.json), all written by the recorder and expect.py.
/// </summary>
internal sealed class ShapeFixture
{
    private ShapeFixture(string name)
    {
        Name = name;
        Directory = Path.Combine(ShapesDirectory, name);
        Root = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "root.json")))!.AsObject();
        Expected = File.ReadLines(Path.Combine(Directory, "expected.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonNode.Parse(l)!.AsObject())
            .ToDictionary(l => (string)l["file"]!, StringComparer.Ordinal);
    }

    public static string ShapesDirectory { get; } = Path.Combine(TestFixtures.Directory, "cn_proc", "shapes");

    /// <summary>Every recorded shape the folder holds.</summary>
    public static IReadOnlyList<string> Names =>
        [.. System.IO.Directory.GetDirectories(ShapesDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public string Name { get; }

    public string Directory { get; }

    public JsonObject Root { get; }

    public IReadOnlyDictionary<string, JsonObject> Expected { get; }

    public int RootPid => (int)Root["root_pid"]!;

    /// <summary>The subtree's execs in order: the datagram, the pid, and the parent the process had as it exec'd.</summary>
    public IReadOnlyList<(string File, int Pid, int Parent)> Execs =>
        [.. Root["execs"]!.AsArray().Select(e => ((string)e!["file"]!, (int)e["pid"]!, (int)e["ppid"]!))];

    /// <summary>The exit that ends each process of the subtree, with its code or the signal that killed it.</summary>
    public IReadOnlyList<(string File, int Pid, int? Code, int? Signal)> Exits =>
        [.. Root["exits"]!.AsArray().Select(e => ((string)e!["file"]!, (int)e["pid"]!, (int?)e["exit_code"], (int?)e["signal"]))];

    /// <summary>The datagrams in arrival order, named as expected.jsonl names them.</summary>
    public IEnumerable<(string File, byte[] Bytes)> Feed =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "feed"), "*.bin")
            .Order(StringComparer.Ordinal)
            .Select(path => ($"feed/{Path.GetFileName(path)}", File.ReadAllBytes(path)));

    public static ShapeFixture Load(string name) => new(name);
}
