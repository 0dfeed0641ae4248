using System.Globalization;
using System.Text;
using CsCheck;
using Tracing.Linux.ProcFs;
using Tracing.Ports;
using Tracing.Tests.Fuzzing;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary>
/// <see cref="ProcStatusParser"/> on status files whose <c>Name:</c> tries to forge the lines after it, and on mutated files.
/// </summary>
public class ProcStatusParserProperties
{
    private const long CiIterations = 50_000;

    private static readonly byte[][] s_nameFragments =
        ["\nUid:\t0\t0\t0\t0\n"u8.ToArray(), "Tgid:\t1"u8.ToArray(), "\t"u8.ToArray(), "\\"u8.ToArray(), " "u8.ToArray(), "("u8.ToArray(), "x"u8.ToArray()];

    // The kernel escapes '\n' and '\\' in Name (fs/proc/array.c, proc_task_name); a tab stays raw.
    private static readonly Gen<byte[]> s_escapedName =
        Gen.Frequency(
            (3, Gen.Int[0, s_nameFragments.Length - 1].Select(i => s_nameFragments[i])),
            (1, Gen.Byte[1, 255].Array[1, 4]))
        .Array[0, 6]
        .Select(parts => parts.SelectMany(p => p).Take(15).ToArray())
        .Select(Escape);

    internal static Gen<StatusFile> Files { get; } =
        from name in s_escapedName
        from tgid in Gen.Int[1, 4_194_304]
        from parentPid in Gen.Int[0, 4_194_304]
        from uids in Gen.UInt.Array[4]
        from tracerPid in Gen.Int[0, 4_194_304]
        from trailingNewline in Gen.Bool
        select new StatusFile(new ProcessCredentials(uids[0], uids[1]), tgid, parentPid,
            Format(name, tgid, parentPid, tracerPid, uids, trailingNewline));

    [Fact]
    public void Well_formed_files_parse_to_the_values_they_were_made_from()
    {
        FuzzCheck.Run(Files, file =>
        {
            Assert.True(ProcStatusParser.TryParse(file.Bytes, out var credentials));
            Assert.Equal(file.Credentials, credentials);

            Assert.True(ProcStatusParser.TryParse(file.Bytes, out credentials, out var tgid, out var parentPid));
            Assert.Equal((file.Credentials, file.Tgid, file.ParentPid), (credentials, tgid, parentPid));
        }, "0000001dfSz6", CiIterations, f => Encoding.Latin1.GetString(f.Bytes));
    }

    [Fact]
    public void Mutated_files_never_throw_and_take_uids_from_the_first_Uid_line()
    {
        var input = Gen.Select(Files, Gen.Int.NonNegative, Gen.Int[0, 3], Gen.Byte, (file, at, how, value) => Mutate(file.Bytes, at, how, value));
        FuzzCheck.Run(input, bytes =>
        {
            if (ProcStatusParser.TryParse(bytes, out var credentials))
            {
                Assert.Equal(ReferenceUids(bytes), credentials);
            }

            _ = ProcStatusParser.TryParse(bytes, out _, out _, out _);
        }, "0000001dfSC7", CiIterations, Convert.ToHexString);
    }

    /// <summary>The first line that starts with "Uid:": tab-separated real and effective uids.</summary>
    private static ProcessCredentials ReferenceUids(byte[] bytes)
    {
        var line = Encoding.Latin1.GetString(bytes).Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var values = line["Uid:".Length..].TrimStart('\t').Split('\t');
        return new ProcessCredentials(
            uint.Parse(values[0], NumberStyles.None, CultureInfo.InvariantCulture),
            uint.Parse(values[1], NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static byte[] Escape(byte[] name) =>
        name.SelectMany(b => b switch
        {
            (byte)'\n' => "\\n"u8.ToArray(),
            (byte)'\\' => "\\\\"u8.ToArray(),
            _ => [b],
        }).ToArray();

    private static byte[] Format(byte[] name, int tgid, int parentPid, int tracerPid, uint[] uids, bool trailingNewline)
    {
        var text =
            FormattableString.Invariant($"\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t{tgid}\nNgid:\t0\nPid:\t{tgid}\nPPid:\t{parentPid}\nTracerPid:\t{tracerPid}\n") +
            FormattableString.Invariant($"Uid:\t{uids[0]}\t{uids[1]}\t{uids[2]}\t{uids[3]}\nGid:\t100\t100\t100\t100\nFDSize:\t64\nGroups:\t100 \n") +
            "NStgid:\t1\nVmPeak:\t    1234 kB\nThreads:\t1\nSigQ:\t0/63426\nCpus_allowed_list:\t0-1\nvoluntary_ctxt_switches:\t3" +
            (trailingNewline ? "\n" : string.Empty);
        return [.. "Name:\t"u8, .. name, .. Encoding.ASCII.GetBytes(text)];
    }

    private static byte[] Mutate(byte[] file, int at, int how, byte value)
    {
        var i = at % file.Length;
        return how switch
        {
            0 => file[..i],
            1 => [.. file[..i], value, .. file[i..]],
            2 => [.. file[..i], .. file[(i + 1)..]],
            _ => [.. file[..i], value, .. file[(i + 1)..]],
        };
    }

    /// <summary>A generated status file and the values in it.</summary>
    internal sealed record StatusFile(ProcessCredentials Credentials, int Tgid, int ParentPid, byte[] Bytes);
}
