using System.Text;
using CsCheck;
using Tracing.Events;
using Tracing.Tests.Fuzzing;

namespace Tracing.Core.Tests.Events;

/// <summary>
/// <c>/proc/PID/cmdline</c> bytes through <see cref="ProcessArguments.FromNulSeparated"/>: arguments of any bytes but NUL
/// come back exactly, with or without the trailing NUL, empty ones included, and past 1 MiB in total.
/// </summary>
public class ProcessArgumentsProperties
{
    private const long CiIterations = 50_000;
    private const long HugeCiIterations = 4;

    private static readonly Gen<byte[]> s_argument = Gen.Frequency(
        (1, Gen.Const(Array.Empty<byte>())),
        (4, Gen.Byte[1, 255].Array[1, 40]),
        (1, Gen.Byte[0x80, 0xFF].Array[1, 8]));

    [Fact]
    public void Arguments_with_a_trailing_NUL_round_trip_exactly()
    {
        FuzzCheck.Run(s_argument.Array[0, 12], arguments =>
        {
            var cmdline = arguments.SelectMany(a => (byte[])[.. a, 0]).ToArray();

            var parsed = ProcessArguments.FromNulSeparated(cmdline);

            AssertArguments(arguments, parsed);
            Assert.Equal(cmdline, parsed.RawBytes.ToArray());
        }, "0000001dfSOb", CiIterations, Print);
    }

    [Fact]
    public void Arguments_without_the_trailing_NUL_round_trip_unless_the_last_is_empty()
    {
        FuzzCheck.Run(s_argument.Array[1, 12], arguments =>
        {
            var cmdline = string.Join('\0', arguments.Select(Encoding.Latin1.GetString));

            var parsed = ProcessArguments.FromNulSeparated(Encoding.Latin1.GetBytes(cmdline));

            // "a\0" is both [a] terminated and [a, ""] unterminated; the kernel always terminates, so [a] it is.
            var expected = arguments[^1].Length == 0 ? arguments[..^1] : arguments;
            AssertArguments(expected, parsed);
        }, "0000001dfSRc", CiIterations, Print);
    }

    [Fact]
    public void Any_bytes_split_on_NUL_like_the_reference()
    {
        FuzzCheck.Run(Gen.Frequency((1, Gen.Byte), (1, Gen.Const((byte)0))).Array[0, 64], bytes =>
        {
            AssertArguments(Reference(bytes), ProcessArguments.FromNulSeparated(bytes));
        }, "0000001dfSUd", CiIterations, Convert.ToHexString);
    }

    [Fact]
    public void A_cmdline_longer_than_1_MiB_round_trips()
    {
        var huge = Gen.Select(Gen.Int[(1 << 20) + 1, 3 << 20], Gen.UInt, Gen.Bool, (length, seed, terminated) =>
        {
            // Cheap bytes, ~1 NUL in 300; the generator only picks the shape.
            var bytes = new byte[length];
            var random = new Random((int)seed);
            random.NextBytes(bytes);
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] == 0 || random.Next(300) == 0 ? (byte)0 : bytes[i];
            }

            bytes[^1] = terminated ? (byte)0 : (byte)'x';
            return bytes;
        });
        FuzzCheck.Run(huge, bytes =>
        {
            Assert.True(bytes.Length > 1 << 20);
            AssertArguments(Reference(bytes), ProcessArguments.FromNulSeparated(bytes));
        }, "0000001dfSXe", HugeCiIterations, b => $"{b.Length} bytes", largeRunScale: 1e-4);
    }

    /// <summary>Empty is no arguments; else drop one trailing NUL and split on every NUL.</summary>
    private static byte[][] Reference(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return [];
        }

        var body = bytes[^1] == 0 ? bytes[..^1] : bytes;
        var arguments = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || body[i] == 0)
            {
                arguments.Add(body[start..i]);
                start = i + 1;
            }
        }

        return [.. arguments];
    }

    private static void AssertArguments(byte[][] expected, ProcessArguments actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual.GetRaw(i).ToArray());
        }

        Assert.Equal(expected.Select(a => Encoding.UTF8.GetString(a)), actual.Strings);
        Assert.Equal(expected.All(a => System.Text.Unicode.Utf8.IsValid(a)), actual.IsValidUtf8);
    }

    private static string Print(byte[][] arguments) => string.Join(" | ", arguments.Select(Convert.ToHexString));
}
