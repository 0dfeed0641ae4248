namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>A successful exec as execs.c did it: the process's pid and parent, and the argv it passed.</summary>
internal sealed record RecordedExec(int Pid, int ParentPid, byte[] Argv);
