using System.Runtime.InteropServices;

namespace Tracing.Darwin.KinfoProc;

/// <summary>A pid with its fork time: names one process even after its pid is reused.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="StartSeconds"><c>p_starttime.tv_sec</c>.</param>
/// <param name="StartMicroseconds"><c>p_starttime.tv_usec</c>.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct ProcessIncarnation(int Pid, long StartSeconds, int StartMicroseconds);
