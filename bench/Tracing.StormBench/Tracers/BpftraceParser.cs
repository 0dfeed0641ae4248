using System.Text.RegularExpressions;

namespace Tracing.StormBench.Tracers;

/// <summary>
/// The bpftrace anchor: <see cref="Program"/> prints <c>PID argv...</c> for each execve entered, argv joined by spaces
/// in the kernel. bpftrace 0.17's <c>join()</c> takes at most 16 arguments of at most 1,023 bytes each and cuts the rest
/// silently, with no flag: "argv complete" means the line is exactly <c>/bin/true storm-RUNID-i</c>, which the storm's
/// two short arguments fit; an argv beyond those limits would look complete and be short. It reads argv at the syscall's
/// entry, so it also prints execs that then fail (a shell's tries along PATH), and never an exec it did not see enter.
/// </summary>
internal static partial class BpftraceParser
{
    /// <summary>The one-liner: pid (the tgid) and the argv at execve's entry.</summary>
    public const string Program = "tracepoint:syscalls:sys_enter_execve { printf(\"%d \", pid); join(args->argv); }";

    public static IOutputParser Create() => new PidAndCommandLineParser(Line());

    [GeneratedRegex(@"^(\d+) (.*)$")]
    private static partial Regex Line();
}
