using System.Globalization;
using System.Text;
using CsCheck;
using Tracing.Linux.ProcFs;
using Tracing.Tests.Fuzzing;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary>
/// <see cref="ProcStatParser"/> against a reference that takes <c>comm</c> from the first '(' to the last ')',
/// on stat lines whose <c>comm</c> holds spaces, parentheses, newlines or nothing, and on mutated lines.
/// </summary>
public class ProcStatParserProperties
{
    private const long CiIterations = 50_000;

    // Bytes that break naive parsers, often; any other non-NUL byte (prctl allows all) sometimes.
    private static readonly Gen<byte> s_commByte = Gen.Frequency(
        (3, Gen.OneOf((byte)' ', (byte)'(', (byte)')', (byte)'\n', (byte)'\t', (byte)'S', (byte)'1')),
        (3, Gen.Byte[(byte)'a', (byte)'z']),
        (2, Gen.Byte[1, 255]));

    /// <summary>A stat line (fields 1..52) as the kernel prints it, and what it holds.</summary>
    internal static Gen<StatLine> Lines { get; } =
        from pid in Gen.Int[1, 4_194_304]
        from comm in s_commByte.Array[0, 16]
        from state in Gen.OneOf('R', 'S', 'D', 'Z', 'T', 't', 'X', 'I', 'P')
        from parentPid in Gen.Int[0, 4_194_304]
        from fields in Gen.Long[-1, long.MaxValue].Array[48]
        from startTime in Gen.ULong
        select new StatLine(pid, comm, state, parentPid, startTime, Format(pid, comm, state, parentPid, fields, startTime));

    [Fact]
    public void Well_formed_lines_parse_to_the_values_they_were_made_from()
    {
        FuzzCheck.Run(Lines, line =>
        {
            Assert.True(ProcStatParser.TryParse(line.Bytes, out var stat, out var startTime));
            Assert.Equal(line.Pid, stat.Pid);
            Assert.Equal(line.ParentPid, stat.ParentPid);
            Assert.Equal(line.State, stat.State);
            Assert.Equal(Encoding.UTF8.GetString(line.Comm), stat.CommandName);
            Assert.Equal(line.StartTime, startTime);

            Assert.True(ProcStatParser.TryParse(line.Bytes, out var head));
            Assert.Equal(stat, head);

            Assert.Equal(Reference(line.Bytes), (stat.Pid, stat.CommandName, stat.State, stat.ParentPid));
        }, "0000001dfSt4", CiIterations);
    }

    [Fact]
    public void Mutated_and_random_lines_never_throw_and_agree_with_the_reference_when_accepted()
    {
        var input = Gen.Frequency(
            (3, Gen.Select(Lines, Gen.Int.NonNegative, Gen.Int[0, 3], Gen.Byte, (line, at, how, value) => Mutate(line.Bytes, at, how, value))),
            (1, s_commByte.Array[0, 80]));
        FuzzCheck.Run(input, bytes =>
        {
            if (ProcStatParser.TryParse(bytes, out var stat))
            {
                Assert.Equal(Reference(bytes), (stat.Pid, stat.CommandName, stat.State, stat.ParentPid));
            }

            _ = ProcStatParser.TryParse(bytes, out _, out _);
        }, "0000001dfSw5", CiIterations, Convert.ToHexString);
    }

    /// <summary>The reference: pid before " (", comm between the first '(' and the last ')', then " state ppid".</summary>
    private static (int Pid, string Comm, char State, int ParentPid) Reference(byte[] line)
    {
        var text = Encoding.Latin1.GetString(line);
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        var parentPid = text[(close + 4)..].Split(' ', '\n')[0];
        return (
            int.Parse(text[..(open - 1)], NumberStyles.None, CultureInfo.InvariantCulture),
            Encoding.UTF8.GetString(line.AsSpan((open + 1)..close)),
            text[close + 2],
            int.Parse(parentPid, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static byte[] Format(int pid, byte[] comm, char state, int parentPid, long[] fields, ulong startTime)
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{pid} (")));
        bytes.AddRange(comm);
        bytes.AddRange(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $") {state} {parentPid}")));
        for (var field = 5; field <= 52; field++)
        {
            var value = field == 22 ? startTime.ToString(CultureInfo.InvariantCulture) : fields[field - 5].ToString(CultureInfo.InvariantCulture);
            bytes.AddRange(Encoding.ASCII.GetBytes(" " + value));
        }

        bytes.Add((byte)'\n');
        return [.. bytes];
    }

    private static byte[] Mutate(byte[] line, int at, int how, byte value)
    {
        var i = at % line.Length;
        return how switch
        {
            0 => line[..i],
            1 => [.. line[..i], value, .. line[i..]],
            2 => [.. line[..i], .. line[(i + 1)..]],
            _ => [.. line[..i], value, .. line[(i + 1)..]],
        };
    }

    /// <summary>A generated stat line and the values in it.</summary>
    internal sealed record StatLine(int Pid, byte[] Comm, char State, int ParentPid, ulong StartTime, byte[] Bytes);
}
