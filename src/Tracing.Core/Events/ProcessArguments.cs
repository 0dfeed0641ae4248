using System.Text;

namespace Tracing.Events;

/// <summary>
/// A process's argv as the kernel holds it: raw bytes, each argument followed by a NUL.
/// The raw bytes stay reachable, so arguments that are not UTF-8 are never lost.
/// </summary>
public sealed class ProcessArguments
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly byte[] _raw;
    private readonly int[] _starts;
    private string[]? _strings;

    /// <summary>No arguments.</summary>
    public static ProcessArguments Empty { get; } = new([], []);

    private ProcessArguments(byte[] raw, int[] starts)
    {
        _raw = raw;
        _starts = starts;
    }

    /// <summary>Arguments from a <c>/proc/PID/cmdline</c>-shaped buffer (NUL-separated, trailing NUL optional).</summary>
    /// <param name="bytes">The arguments, each followed by a NUL (the last one's optional); copied.</param>
    /// <returns>The arguments; <see cref="Empty"/> when <paramref name="bytes"/> is empty.</returns>
    public static ProcessArguments FromNulSeparated(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return Empty;
        }

        if (bytes[^1] != 0)
        {
            var terminated = new byte[bytes.Length + 1];
            bytes.CopyTo(terminated);
            return FromOwned(terminated);
        }

        return FromOwned(bytes.ToArray());
    }

    /// <summary>Arguments from strings, encoded as UTF-8.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The arguments; <see cref="Empty"/> when there are none.</returns>
    public static ProcessArguments FromStrings(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var buffer = new List<byte>();
        foreach (var argument in arguments)
        {
            buffer.AddRange(Encoding.UTF8.GetBytes(argument));
            buffer.Add(0);
        }

        return buffer.Count == 0 ? Empty : FromOwned([.. buffer]);
    }

    private static ProcessArguments FromOwned(byte[] terminated)
    {
        var count = terminated.AsSpan().Count((byte)0);
        var starts = new int[count];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            starts[i] = position;
            position += terminated.AsSpan(position).IndexOf((byte)0) + 1;
        }

        return new ProcessArguments(terminated, starts);
    }

    /// <summary>The number of arguments.</summary>
    public int Count => _starts.Length;

    /// <summary>The raw bytes, each argument followed by a NUL.</summary>
    public ReadOnlyMemory<byte> RawBytes => _raw;

    /// <summary>The raw bytes of one argument, without its NUL.</summary>
    /// <param name="index">The argument's position, from 0 (argv[0]).</param>
    /// <returns>The argument's bytes.</returns>
    public ReadOnlySpan<byte> GetRaw(int index)
    {
        var start = _starts[index];
        var end = index + 1 < _starts.Length ? _starts[index + 1] - 1 : _raw.Length - 1;
        return _raw.AsSpan(start, end - start);
    }

    /// <summary>True when every argument is valid UTF-8, so <see cref="Strings"/> is lossless.</summary>
    public bool IsValidUtf8 => System.Text.Unicode.Utf8.IsValid(_raw);

    /// <summary>The arguments decoded as UTF-8; invalid bytes become U+FFFD (use <see cref="GetRaw"/> for the bytes).</summary>
    public IReadOnlyList<string> Strings => _strings ??= Decode();

    private string[] Decode()
    {
        var strings = new string[_starts.Length];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = s_strictUtf8.GetString(GetRaw(i));
        }

        return strings;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Strings);
}
