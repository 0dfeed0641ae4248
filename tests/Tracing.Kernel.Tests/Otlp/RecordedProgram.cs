namespace Tracing.Kernel.Tests.Otlp;

/// <summary>One program a shape ran, as it recorded itself: its own pid, its parent pid, cwd and argv (bytes).</summary>
internal sealed record RecordedProgram(int Index, int Pid, int ParentPid, string WorkingDirectory, IReadOnlyList<byte[]> Argv);
