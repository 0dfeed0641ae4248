using System.Runtime.CompilerServices;

namespace Tracing.Linux.CnProc;

/// <summary>The raw bytes of <c>proc_event.event_data</c>, the union whose valid member <c>what</c> names.</summary>
// From include/uapi/linux/cn_proc.h: the union event_data; its largest members (exit, comm) are 24 bytes.
[InlineArray(Size)]
internal struct ProcEventData
{
    internal const int Size = 24;

    private byte _element0;
}
