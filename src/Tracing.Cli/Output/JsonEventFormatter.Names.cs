using System.Text.Json;

namespace Tracing.Cli.Output;

internal sealed partial class JsonEventFormatter
{
    /// <summary>Field names and fixed values, encoded once rather than for every line.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Argv = JsonEncodedText.Encode("argv");
        public static readonly JsonEncodedText ArgvBase64 = JsonEncodedText.Encode("argv_base64");
        public static readonly JsonEncodedText ArgvComplete = JsonEncodedText.Encode("argv_complete");
        public static readonly JsonEncodedText ArgvSource = JsonEncodedText.Encode("argv_source");
        public static readonly JsonEncodedText Cmdline = JsonEncodedText.Encode("cmdline");
        public static readonly JsonEncodedText Comm = JsonEncodedText.Encode("comm");
        public static readonly JsonEncodedText Container = JsonEncodedText.Encode("container");
        public static readonly JsonEncodedText CoreDumped = JsonEncodedText.Encode("core_dumped");
        public static readonly JsonEncodedText Count = JsonEncodedText.Encode("count");
        public static readonly JsonEncodedText Depth = JsonEncodedText.Encode("depth");
        public static readonly JsonEncodedText Env = JsonEncodedText.Encode("env");
        public static readonly JsonEncodedText EnvBase64 = JsonEncodedText.Encode("env_base64");
        public static readonly JsonEncodedText Cwd = JsonEncodedText.Encode("cwd");
        public static readonly JsonEncodedText CwdBase64 = JsonEncodedText.Encode("cwd_base64");
        public static readonly JsonEncodedText DurationS = JsonEncodedText.Encode("duration_s");
        public static readonly JsonEncodedText Engine = JsonEncodedText.Encode("engine");
        public static readonly JsonEncodedText Euid = JsonEncodedText.Encode("euid");
        public static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
        public static readonly JsonEncodedText Exact = JsonEncodedText.Encode("exact");
        public static readonly JsonEncodedText Exe = JsonEncodedText.Encode("exe");
        public static readonly JsonEncodedText ExeBase64 = JsonEncodedText.Encode("exe_base64");
        public static readonly JsonEncodedText Exec = JsonEncodedText.Encode("exec");
        public static readonly JsonEncodedText Errno = JsonEncodedText.Encode("errno");
        public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
        public static readonly JsonEncodedText ExecFailed = JsonEncodedText.Encode("exec_failed");
        public static readonly JsonEncodedText Exit = JsonEncodedText.Encode("exit");
        public static readonly JsonEncodedText ExitCode = JsonEncodedText.Encode("exit_code");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Lost = JsonEncodedText.Encode("lost");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText None = JsonEncodedText.Encode("none");
        public static readonly JsonEncodedText Nspid = JsonEncodedText.Encode("nspid");
        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
        public static readonly JsonEncodedText PathBase64 = JsonEncodedText.Encode("path_base64");
        public static readonly JsonEncodedText Pid = JsonEncodedText.Encode("pid");
        public static readonly JsonEncodedText Ppid = JsonEncodedText.Encode("ppid");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Signal = JsonEncodedText.Encode("signal");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
        public static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
        public static readonly JsonEncodedText TimestampNs = JsonEncodedText.Encode("timestamp_ns");
        public static readonly JsonEncodedText Uid = JsonEncodedText.Encode("uid");
        public static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
    }
}
