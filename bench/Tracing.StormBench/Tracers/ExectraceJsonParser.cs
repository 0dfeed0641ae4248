using System.Text.Json;
using Tracing.StormBench.Storm;

namespace Tracing.StormBench.Tracers;

/// <summary>
/// exectrace --json: an exec counts as whole when argv is exactly ["/bin/true", marker] and argv_complete is true.
/// From a pipe, each line's arrival minus its timestamp_ns (both CLOCK_MONOTONIC) is its delivery latency.
/// </summary>
internal sealed class ExectraceJsonParser : IOutputParser
{
    public Tally Parse(IReadOnlyList<OutputLine> lines, StormIndex index)
    {
        var tally = new Tally(index.Count);
        foreach (var line in lines)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line.Text);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                var kind = root.TryGetProperty("event", out var e) ? e.GetString() : null;
                if (kind == "lost" && root.TryGetProperty("count", out var lost))
                {
                    tally.ReportedLost += lost.GetInt64();
                    continue;
                }

                if (kind != "exec" || !index.TryFind(root.GetProperty("pid").GetInt32(), line.Text, out var i))
                {
                    continue;
                }

                tally.Add(i, IsWhole(root, index.Marker(i)), line.Text);
                if (line.ArrivalNs != 0 && root.TryGetProperty("timestamp_ns", out var ts))
                {
                    tally.LatenciesMs.Add((line.ArrivalNs - ts.GetInt64()) / 1e6);
                }
            }
        }

        return tally;
    }

    /// <summary>Exec lines, anyone's, whose timestamp_ns is in [<paramref name="fromNs"/>, <paramref name="toNs"/>].</summary>
    public static int CountExecs(IReadOnlyList<OutputLine> lines, long fromNs, long toNs)
    {
        var count = 0;
        foreach (var line in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(line.Text);
                var root = document.RootElement;
                if (root.TryGetProperty("event", out var e) && e.GetString() == "exec"
                    && root.TryGetProperty("timestamp_ns", out var ts) && ts.GetInt64() is var ns && ns >= fromNs && ns <= toNs)
                {
                    count++;
                }
            }
            catch (JsonException)
            {
            }
        }

        return count;
    }

    private static bool IsWhole(JsonElement root, string marker)
    {
        if (!root.TryGetProperty("argv_complete", out var complete) || !complete.GetBoolean()
            || !root.TryGetProperty("argv", out var argv) || argv.GetArrayLength() != 2)
        {
            return false;
        }

        return argv[0].GetString() == "/bin/true" && argv[1].GetString() == marker;
    }
}
