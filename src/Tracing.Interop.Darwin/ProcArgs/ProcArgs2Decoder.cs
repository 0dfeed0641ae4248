using System.Buffers.Binary;

namespace Tracing.Darwin.ProcArgs;

/// <summary>
/// Decodes a <c>KERN_PROCARGS2</c> answer: int32 argc, the exec path and its NUL padding, then argv, then
/// (when the kernel allows) environment and apple strings that nothing marks apart from argv. Pure; never throws.
/// See docs/reference/darwin.md §4.2.
/// </summary>
internal static class ProcArgs2Decoder
{
    /// <summary>Splits <paramref name="blob"/> into the exec path and at most argc argv strings.</summary>
    /// <param name="blob">The bytes the kernel wrote (<c>*oldlenp</c> of them).</param>
    /// <param name="execPath">The path given to exec, without its NUL; may be relative.</param>
    /// <param name="argv">
    /// The argv strings, each followed by a NUL except perhaps the last when the buffer ends inside it
    /// (a process that rewrote its argv area can make argc overstate what is there).
    /// </param>
    /// <param name="count">How many strings <paramref name="argv"/> holds (at most argc).</param>
    /// <returns>False when the blob is too short for argc, argc is negative, or the exec path has no NUL.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> blob, out ReadOnlySpan<byte> execPath, out ReadOnlySpan<byte> argv, out int count)
    {
        execPath = default;
        argv = default;
        count = 0;
        if (blob.Length < sizeof(int))
        {
            return false;
        }

        var argc = BinaryPrimitives.ReadInt32LittleEndian(blob);
        var rest = blob[sizeof(int)..];
        var pathEnd = rest.IndexOf((byte)0);
        if (argc < 0 || pathEnd < 0)
        {
            return false;
        }

        execPath = rest[..pathEnd];

        // The path's NUL padding: skipped whole, as ps and psutil do (an empty argv[0] is lost with it).
        var strings = rest[(pathEnd + 1)..];
        var firstString = strings.IndexOfAnyExcept((byte)0);
        strings = firstString < 0 ? [] : strings[firstString..];

        var end = 0;
        while (count < argc && end < strings.Length)
        {
            var nul = strings[end..].IndexOf((byte)0);
            end = nul < 0 ? strings.Length : end + nul + 1;
            count++;
        }

        argv = strings[..end];
        return true;
    }
}
