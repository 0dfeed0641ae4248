using System.Buffers.Binary;
using System.Text;

namespace Tracing.Darwin.Tests;

/// <summary>
/// Writes a KERN_PROCARGS2 answer in the layout of docs/reference/darwin.md §4.2: argc, the exec path NUL-padded to a multiple
/// of 8, then argv (and, when given, environment strings), for cases that need one particular process's arguments.
/// </summary>
internal static class ProcArgs2Builder
{
    public static byte[] Buffer(string execPath, string[] argv, params string[] environment)
    {
        var path = Encoding.UTF8.GetBytes(execPath + "\0");
        var strings = Encoding.UTF8.GetBytes(string.Concat(argv.Concat(environment).Select(s => s + "\0")));
        var buffer = new byte[4 + ((path.Length + 7) / 8 * 8) + strings.Length];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, argv.Length);
        path.CopyTo(buffer, 4);
        strings.CopyTo(buffer, buffer.Length - strings.Length);
        return buffer;
    }

    /// <summary>
    /// An answer as a kernel that gives the environment writes it: argv, the environment, NULs that align the area's
    /// tail to 8 bytes (none when it ends aligned), then the apple strings and their own padding.
    /// </summary>
    public static byte[] WithAppleStrings(string execPath, byte[][] argv, byte[][] environment, params string[] apple)
    {
        var path = Encoding.UTF8.GetBytes(execPath + "\0");
        var head = new byte[4 + ((path.Length + 7) / 8 * 8)];
        BinaryPrimitives.WriteInt32LittleEndian(head, argv.Length);
        path.CopyTo(head, 4);
        var area = argv.Concat(environment).SelectMany(s => (byte[])[.. s, 0]).ToList();
        area.AddRange(new byte[(8 - (area.Count % 8)) % 8]);
        var tail = Encoding.UTF8.GetBytes(string.Concat(apple.Select(s => s + "\0")));
        return [.. head, .. area, .. tail, .. new byte[(8 - (tail.Length % 8)) % 8]];
    }
}
