using System.Security.Cryptography;

namespace Tracing.StormBench.Storm;

/// <summary>The unique argv[1] of each storm process: <c>storm-RUNID-i</c>, a fresh RUNID per run.</summary>
internal static class Markers
{
    public static string NewRunId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static string Prefix(string runId) => $"storm-{runId}-";

    public static string For(string runId, int index) => $"storm-{runId}-{index}";

    /// <summary>The exact text a tracer prints for a storm process whose argv it read whole.</summary>
    public static string ExpectedCommandLine(string runId, int index) => $"/bin/true {For(runId, index)}";
}
