namespace Tracing.Linux.Bpf.Programs;

/// <summary>The kernel helpers the programs call, by their numbers in include/uapi/linux/bpf.h (<c>__BPF_FUNC_MAPPER</c>).</summary>
internal static class BpfHelper
{
    public const int MapLookupElem = 1;
    public const int MapUpdateElem = 2;
    public const int MapDeleteElem = 3;
    public const int KtimeGetNs = 5;
    public const int GetSmpProcessorId = 8;
    public const int GetCurrentPidTgid = 14;
    public const int GetCurrentUidGid = 15;
    public const int GetCurrentComm = 16;
    public const int GetCurrentTask = 35;
    public const int CurrentTaskUnderCgroup = 37;
    public const int GetCurrentCgroupId = 80;
    public const int ProbeReadUser = 112;
    public const int ProbeReadKernel = 113;
    public const int ProbeReadUserStr = 114;
    public const int ProbeReadKernelStr = 115;
    public const int RingbufOutput = 130;
}
