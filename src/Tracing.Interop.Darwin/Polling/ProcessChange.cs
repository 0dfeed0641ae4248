using System.Runtime.InteropServices;
using Tracing.Darwin.KinfoProc;

namespace Tracing.Darwin.Polling;

/// <summary>One thing a poll found out: what happened, and the process as last seen (the old record for an exit).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Record">The process.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct ProcessChange(ProcessChangeKind Kind, KinfoProcRecord Record);
