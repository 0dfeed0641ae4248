namespace Tracing.Signals;

/// <summary>Linux signal names, for people reading exit lines and for telemetry (src/Shared: the CLI and Tracing.OpenTelemetry).</summary>
internal static class SignalNames
{
    private static readonly string[] s_names =
    [
        "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    public static string Get(int signal) => signal > 0 && signal < s_names.Length ? s_names[signal] : $"SIG{signal}";
}
