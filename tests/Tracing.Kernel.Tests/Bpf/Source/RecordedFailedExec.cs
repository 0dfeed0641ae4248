namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>A failed exec as execs.c saw it: its pid and parent, errno and glibc's name for it, path and argv bytes.</summary>
internal sealed record RecordedFailedExec(int Pid, int ParentPid, int Errno, string? ErrorName, byte[] Path, byte[] Argv);
