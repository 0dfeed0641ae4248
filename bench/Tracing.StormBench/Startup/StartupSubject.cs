namespace Tracing.StormBench.Startup;

/// <summary>A program whose start-up is measured: its column label and the full command, path first.</summary>
internal sealed record StartupSubject(string Label, IReadOnlyList<string> Command);
