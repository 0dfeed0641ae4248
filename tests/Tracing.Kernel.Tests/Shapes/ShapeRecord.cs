using System.Globalization;

namespace Tracing.Kernel.Tests.Shapes;

/// <summary>What a shape wrote down it did (see native/shapes.c for the line format), in the order it happened.</summary>
internal sealed class ShapeRecord
{
    private ShapeRecord(IReadOnlyList<string[]> lines) => Lines = lines;

    /// <summary>Each line's tab-separated fields.</summary>
    public IReadOnlyList<string[]> Lines { get; }

    public int? DriverPid => Find("ready") is { } ready ? Pid(ready) : null;

    public bool Done => Find("done") is not null;

    /// <summary>The pid a traced process had and an outsider must now take, when the shape asks for one.</summary>
    public int? PidToReuse => Find("reuse") is { } reuse ? Pid(reuse) : null;

    public bool HasOutsider => Find("outside") is not null;

    /// <summary>Paths whose exec failed: no event may name them.</summary>
    public IEnumerable<string> FailedExecs => Lines.Where(l => l[0] == "noexec").Select(l => l[2]);

    public static ShapeRecord Read(string path)
    {
        if (!File.Exists(path))
        {
            return new ShapeRecord([]);
        }

        // A line is written with one write(2): only a line without its newline is still being written.
        var text = File.ReadAllText(path);
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return new ShapeRecord([.. complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))]);
    }

    public static int Pid(string[] line) => int.Parse(line[1], CultureInfo.InvariantCulture);

    private string[]? Find(string kind) => Lines.FirstOrDefault(l => l[0] == kind);
}
