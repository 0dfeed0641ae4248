namespace Tracing.StormBench.Startup;

/// <summary>One start of a program: wall clock from spawn to reap, its CPU time, its peak RSS, its exit status.</summary>
internal sealed record StartupSample(double WallMs, double CpuMs, double PeakRssMiB, int ExitCode);
