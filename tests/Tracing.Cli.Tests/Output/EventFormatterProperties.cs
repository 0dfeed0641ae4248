using System.Text;
using System.Text.Json;
using CsCheck;
using Tracing.Cli.Output;
using Tracing.Events;
using Tracing.Tests.Fuzzing;

namespace Tracing.Cli.Tests.Output;

/// <summary>
/// The JSON and text formatters on exec events whose argv, comm, cwd and exe are hostile bytes: JSON stays valid and
/// printable ASCII, argv_base64 holds the exact raw bytes when argv is not UTF-8; text lets nothing unsafe through raw.
/// </summary>
public class EventFormatterProperties
{
    private const long CiIterations = 30_000;

    // Strings as the readers make them: bytes decoded as UTF-8, invalid ones becoming U+FFFD.
    private static readonly Gen<string?> s_decoded = Gen.Frequency(
        (4, HostileBytes.Word.Select(w => (string?)Encoding.UTF8.GetString(w))),
        (1, Gen.Const((string?)null)));

    private static readonly Gen<ExecEvent> s_exec =
        from argv in HostileBytes.Word.Array[0, 6]
        from terminated in Gen.Bool
        from exe in s_decoded
        from comm in s_decoded
        from cwd in s_decoded
        from pid in Gen.Int[1, 4_194_304]
        from source in Gen.OneOf(ArgvSource.Complete, ArgvSource.CommandName, ArgvSource.None)
        select new ExecEvent
        {
            Time = DateTimeOffset.UnixEpoch.AddSeconds(pid),
            KernelTimestampNs = pid * 1000L,
            Pid = pid,
            ParentPid = pid - 1,
            RealUid = (uint)pid,
            EffectiveUid = 0,
            ExecutablePath = exe,
            CommandName = comm,
            WorkingDirectory = cwd,
            Arguments = ProcessArguments.FromNulSeparated(Cmdline(argv, terminated)),
            ArgvSource = source,
        };

    [Fact]
    public void Json_is_valid_printable_ASCII_and_argv_base64_holds_the_raw_bytes()
    {
        var formatter = new JsonEventFormatter();
        FuzzCheck.Run(s_exec, exec =>
        {
            var line = new StringBuilder();
            lock (formatter)
            {
                Assert.True(formatter.TryFormat(exec, line));
            }

            var text = line.ToString();
            Assert.DoesNotContain(text, c => c is < ' ' or > '~');
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            Assert.Equal(exec.ExecutablePath, root.GetProperty("exe").GetString());
            Assert.Equal(exec.CommandName, root.GetProperty("comm").GetString());
            Assert.Equal(exec.WorkingDirectory, root.GetProperty("cwd").GetString());
            Assert.Equal(exec.Arguments.Strings, root.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));

            var raw = Enumerable.Range(0, exec.Arguments.Count).Select(i => exec.Arguments.GetRaw(i).ToArray()).ToArray();
            if (exec.Arguments.IsValidUtf8)
            {
                Assert.False(root.TryGetProperty("argv_base64", out _));
                Assert.Equal(raw, root.GetProperty("argv").EnumerateArray().Select(a => Encoding.UTF8.GetBytes(a.GetString()!)));
            }
            else
            {
                Assert.Equal(raw, root.GetProperty("argv_base64").EnumerateArray().Select(a => a.GetBytesFromBase64()));
            }
        }, "0000001dfSOb", CiIterations, Describe);
    }

    [Fact]
    public void Text_lets_no_control_format_or_invalid_character_through_raw()
    {
        var formatter = new TextEventFormatter(showWorkingDirectory: true, showUser: true);
        FuzzCheck.Run(s_exec, exec =>
        {
            var line = new StringBuilder();
            Assert.True(formatter.TryFormat(exec, line));
            var text = line.ToString();
            Assert.True(HostileBytes.FindRawUnsafe(text) is null, $"{HostileBytes.FindRawUnsafe(text)} in {text}");
        }, "0000001dfSRc", CiIterations, Describe);
    }

    private static byte[] Cmdline(byte[][] argv, bool terminated)
    {
        var bytes = argv.SelectMany(a => (byte[])[.. a, 0]).ToArray();
        return terminated || bytes.Length == 0 ? bytes : bytes[..^1];
    }

    private static string Describe(ExecEvent exec) =>
        $"argv={Convert.ToHexString(exec.Arguments.RawBytes.Span)} exe={exec.ExecutablePath} comm={exec.CommandName} cwd={exec.WorkingDirectory}";
}
