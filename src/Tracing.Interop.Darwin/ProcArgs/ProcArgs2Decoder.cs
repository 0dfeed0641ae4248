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
        if (!TryLocate(blob, out var pathEnd, out var argvStart, out var argvEnd, out count, out _))
        {
            return false;
        }

        execPath = blob.Slice(sizeof(int), pathEnd);
        argv = blob[argvStart..argvEnd];
        return true;
    }

    /// <summary>
    /// The environment strings after argv (each followed by a NUL), when the blob tells where they end: the kernel
    /// pads the argv+env area with 0 to 7 NULs before the apple strings, and nothing else marks the boundary.
    /// </summary>
    /// <param name="blob">The bytes the kernel wrote.</param>
    /// <param name="environment">The environment strings, each with its NUL; empty for a process without environment.</param>
    /// <returns>
    /// False when the blob does not decode, when argc is 0 (the path's padding and the environment's would run
    /// together), when the kernel omitted the environment (the blob ends with argv: another
    /// user's restricted process), when argv itself was cut short, and when no padding parts the environment from the
    /// apple strings (an area that happened to end aligned): where it ends cannot be told then, and no apple string
    /// may pass for an environment entry.
    /// </returns>
    public static bool TryDecodeEnvironment(ReadOnlySpan<byte> blob, out ReadOnlySpan<byte> environment)
    {
        environment = default;
        if (!TryLocate(blob, out _, out _, out var argvEnd, out var count, out var argc)
            || argc == 0 || count < argc || blob[argvEnd - 1] != 0)
        {
            return false;
        }

        var rest = blob[argvEnd..];
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest[0] == 0)
        {
            // The padding at once: no environment, the apple strings after it.
            return true;
        }

        var padding = rest.IndexOf("\0\0"u8);
        if (padding < 0 || rest[(padding + 1)..].IndexOfAnyExcept((byte)0) < 0)
        {
            return false;
        }

        environment = rest[..(padding + 1)];
        return true;
    }

    // Where the path ends (relative to after argc) and where argv starts and ends in the blob.
    private static bool TryLocate(ReadOnlySpan<byte> blob, out int pathEnd, out int argvStart, out int argvEnd, out int count, out int argc)
    {
        pathEnd = argvStart = argvEnd = count = argc = 0;
        if (blob.Length < sizeof(int))
        {
            return false;
        }

        argc = BinaryPrimitives.ReadInt32LittleEndian(blob);
        var rest = blob[sizeof(int)..];
        pathEnd = rest.IndexOf((byte)0);
        if (argc < 0 || pathEnd < 0)
        {
            return false;
        }

        // The path's NUL padding: skipped whole, as ps and psutil do (an empty argv[0] is lost with it).
        var afterPath = sizeof(int) + pathEnd + 1;
        var firstString = blob[afterPath..].IndexOfAnyExcept((byte)0);
        argvStart = firstString < 0 ? blob.Length : afterPath + firstString;
        var strings = blob[argvStart..];

        var end = 0;
        while (count < argc && end < strings.Length)
        {
            var nul = strings[end..].IndexOf((byte)0);
            end = nul < 0 ? strings.Length : end + nul + 1;
            count++;
        }

        argvEnd = argvStart + end;
        return true;
    }
}
