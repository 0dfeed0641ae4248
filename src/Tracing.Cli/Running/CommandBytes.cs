using System.Text;
using Tracing.Ports;

namespace Tracing.Cli.Running;

/// <summary>
/// The command after <c>--</c> as exectrace was given it: .NET decodes its arguments as UTF-8, replacing what is not
/// (<c>\xff</c> becomes U+FFFD), so on Linux the bytes are taken from <c>/proc/self/cmdline</c> and the environment
/// from <c>/proc/self/environ</c> (the one exectrace was started with, names that are not valid variables included).
/// </summary>
internal static class CommandBytes
{
    public static CommandSpec Create(IReadOnlyList<string> command) =>
        OperatingSystem.IsLinux()
            ? Create(command, TryRead("/proc/self/cmdline"), TryRead("/proc/self/environ"))
            : new CommandSpec(command[0], [.. command.Skip(1)]);

    /// <summary>
    /// The command's argv is the tail of <paramref name="cmdline"/> when each entry decodes to the parsed argument (always
    /// so after <c>--</c>); otherwise the parsed strings are passed as UTF-8.
    /// </summary>
    internal static CommandSpec Create(IReadOnlyList<string> command, byte[]? cmdline, byte[]? environ)
    {
        var given = cmdline is null ? [] : Entries(cmdline);
        var tail = given.Count >= command.Count ? given.GetRange(given.Count - command.Count, command.Count) : [];
        var exact = tail.Count == command.Count && tail.Select(Decode).SequenceEqual(command, StringComparer.Ordinal);
        var argv = exact ? tail : [.. command.Select(a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a))];
        return CommandSpec.FromBytes(argv, environ is null ? null : Entries(environ));
    }

    /// <summary>The NUL-terminated entries of a <c>/proc</c> list (an empty entry is an empty argument).</summary>
    private static List<ReadOnlyMemory<byte>> Entries(byte[] list)
    {
        var entries = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] == 0)
            {
                entries.Add(list.AsMemory(start, i - start));
                start = i + 1;
            }
        }

        if (start < list.Length)
        {
            entries.Add(list.AsMemory(start));
        }

        return entries;
    }

    private static string Decode(ReadOnlyMemory<byte> entry) => Encoding.UTF8.GetString(entry.Span);

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
