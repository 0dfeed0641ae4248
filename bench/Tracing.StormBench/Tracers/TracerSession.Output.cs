using System.Diagnostics;

namespace Tracing.StormBench.Tracers;

/// <summary>What a tracer wrote: its file, or the lines read from its pipe as they came.</summary>
internal sealed partial class TracerSession
{
    public IReadOnlyList<OutputLine> ReadOutput()
    {
        if (_spec.Output == TracerOutput.Pipe)
        {
            lock (_pipeLines)
            {
                return [.. _pipeLines];
            }
        }

        return File.Exists(_outputPath) ? [.. File.ReadLines(_outputPath).Select(line => new OutputLine(line, 0))] : [];
    }

    private long OutputSize()
    {
        if (_spec.Output == TracerOutput.Pipe)
        {
            lock (_pipeLines)
            {
                return _pipeLines.Count;
            }
        }

        var file = new FileInfo(_outputPath);
        return file.Exists ? file.Length : 0;
    }

    private bool OutputContains(string text)
    {
        if (_spec.Output == TracerOutput.Pipe)
        {
            lock (_pipeLines)
            {
                return _pipeLines.Exists(line => line.Text.Contains(text, StringComparison.Ordinal));
            }
        }

        try
        {
            using var stream = new FileStream(_outputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void ReadPipe()
    {
        var reader = _process.StandardOutput;
        var nsPerTick = 1e9 / Stopwatch.Frequency;
        while (reader.ReadLine() is { } line)
        {
            // Stopwatch is CLOCK_MONOTONIC on Linux, the clock of the kernel's timestamp_ns.
            var arrival = (long)(Stopwatch.GetTimestamp() * nsPerTick);
            lock (_pipeLines)
            {
                _pipeLines.Add(new OutputLine(line, arrival));
            }
        }
    }
}
