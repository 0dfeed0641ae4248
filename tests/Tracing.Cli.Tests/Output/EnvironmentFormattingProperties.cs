using System.Text;
using System.Text.Json;
using CsCheck;
using Tracing.Cli.Output;
using Tracing.Events;
using Tracing.Tests.Fuzzing;

namespace Tracing.Cli.Tests.Output;

/// <summary>
/// Environments of hostile bytes through both formatters: JSON <c>env</c> (and <c>env_base64</c>) gives back the exact
/// bytes, as argv; text lets nothing unsafe through raw, with the executable in place of argv[0] too.
/// </summary>
public class EnvironmentFormattingProperties
{
    private const long CiIterations = 10_000;

    private static readonly Gen<ExecEvent> s_exec =
        from environ in HostileBytes.Word.Array[0, 6]
        from argv in HostileBytes.Word.Array[1, 3]
        from exe in HostileBytes.Word
        from depth in Gen.Int[0, 5]
        select new ExecEvent
        {
            Pid = 42,
            ParentPid = 1,
            ExecutablePath = Encoding.UTF8.GetString(exe),
            ExecutablePathBytes = System.Text.Unicode.Utf8.IsValid(exe) ? null : exe,
            Arguments = ProcessArguments.FromNulSeparated(argv.SelectMany(a => (byte[])[.. a, 0]).ToArray()),
            ArgvSource = ArgvSource.Complete,
            Environment = ProcessArguments.FromNulSeparated(environ.SelectMany(a => (byte[])[.. a, 0]).ToArray()),
            Depth = depth,
        };

    [Fact]
    public void Json_env_gives_back_the_exact_bytes()
    {
        var formatter = new JsonEventFormatter(depth: true);
        FuzzCheck.Run(s_exec, exec =>
        {
            var line = new StringBuilder();
            lock (formatter)
            {
                Assert.True(formatter.TryFormat(exec, line));
            }

            var text = line.ToString();
            Assert.DoesNotContain(text, c => c is < ' ' or > '~');
            var root = JsonDocument.Parse(text).RootElement;
            var environment = exec.Environment!;
            var raw = Enumerable.Range(0, environment.Count).Select(i => environment.GetRaw(i).ToArray()).ToArray();
            Assert.Equal(environment.Strings, root.GetProperty("env").EnumerateArray().Select(e => e.GetString()));
            var exact = environment.IsValidUtf8
                ? root.GetProperty("env").EnumerateArray().Select(e => Encoding.UTF8.GetBytes(e.GetString()!))
                : root.GetProperty("env_base64").EnumerateArray().Select(e => e.GetBytesFromBase64());
            Assert.Equal(raw, exact);
            Assert.Equal(environment.IsValidUtf8, !root.TryGetProperty("env_base64", out _));
            Assert.Equal(exec.Depth, root.GetProperty("depth").GetInt32());
        }, "0000001dfSOb", CiIterations);
    }

    [Fact]
    public void Text_lets_nothing_of_the_environment_or_executable_through_raw()
    {
        var formatter = new TextEventFormatter(true, true, new LocalTimeOfDay(), showExecutable: true, showEnvironment: true, indentByDepth: true);
        FuzzCheck.Run(s_exec, exec =>
        {
            var line = new StringBuilder();
            Assert.True(formatter.TryFormat(exec, line));
            var text = line.ToString();
            Assert.True(HostileBytes.FindRawUnsafe(text) is null, $"{HostileBytes.FindRawUnsafe(text)} in {text}");
        }, "0000001dfSRc", CiIterations);
    }
}
