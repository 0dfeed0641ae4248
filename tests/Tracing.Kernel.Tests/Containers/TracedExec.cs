using System.Globalization;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>One <c>exec</c> object of <c>exectrace --json</c>, the fields the container tests check.</summary>
internal sealed record TracedExec(int Pid, int? NamespacePid, IReadOnlyList<string?> Argv, TracedContainer? Container, uint? Uid, string? User, string Line)
{
    /// <summary>The exec on <paramref name="line"/>, or null for any other line (an exit, a loss, text).</summary>
    public static TracedExec? Parse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        var root = JsonDocument.Parse(line).RootElement;
        if (root.GetProperty("event").GetString() != "exec")
        {
            return null;
        }

        var container = root.GetProperty("container");
        return new(
            root.GetProperty("pid").GetInt32(),
            root.GetProperty("nspid").ValueKind == JsonValueKind.Null ? null : root.GetProperty("nspid").GetInt32(),
            [.. root.GetProperty("argv").EnumerateArray().Select(a => a.GetString())],
            container.ValueKind == JsonValueKind.Null
                ? null
                : new(container.GetProperty("id").GetString(), container.GetProperty("name").GetString(), container.GetProperty("engine").GetString()),
            root.GetProperty("uid").ValueKind == JsonValueKind.Null ? null : root.GetProperty("uid").GetUInt32(),
            root.GetProperty("user").GetString(),
            line);
    }

    /// <summary>
    /// True when this is the exec of a shell (<c>/bin/sh ... MARKER</c>) whose last argument is <paramref name="marker"/>:
    /// not the <c>podman exec ... MARKER</c> or <c>podman run ... MARKER</c> on the host that started it.
    /// </summary>
    public bool Runs(string marker) => Argv.Count > 1 && Argv[0] == "/bin/sh" && Argv[^1] == marker;

    /// <summary>The last field of <c>NSpid:</c> in <c>/proc/PID/status</c> (the pid in its innermost namespace), or null when the process is gone.</summary>
    public static int? NamespacePidOnHost(int pid)
    {
        string[] status;
        try
        {
            status = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        var fields = status.Single(l => l.StartsWith("NSpid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries);
        return int.Parse(fields[^1], CultureInfo.InvariantCulture);
    }
}

/// <summary>The <c>container</c> object of an exec: <c>{id, name, engine}</c>.</summary>
internal sealed record TracedContainer(string? Id, string? Name, string? Engine);
