using System.Globalization;
using System.Text;
using CsCheck;
using Tracing.Linux.ProcFs;
using Tracing.Ports;
using Tracing.Tests.Fuzzing;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary><see cref="ProcCgroupParser"/> on cgroup files whose paths hold ':', spaces and any other byte but '\n'.</summary>
public class ProcCgroupParserProperties
{
    private const long CiIterations = 50_000;

    private static readonly Gen<string> s_controllers = Gen.OneOf(
        "", "cpu,cpuacct", "memory", "name=systemd", "pids", "blkio", "net_cls,net_prio", "misc", "rdma");

    // A cgroup's name may hold any byte but '/' and NUL; the kernel prints it unescaped, so a '\n' would end the line
    // for any reader: left out.
    private static readonly Gen<byte[]> s_segment = Gen.Frequency(
        (3, Gen.OneOf((byte)':', (byte)' ', (byte)'a', (byte)'.', (byte)'-', (byte)'\t', (byte)'\\', (byte)'0')),
        (1, Gen.Byte[1, 255].Where(b => b is not (byte)'/' and not (byte)'\n')))
        .Array[1, 12];

    internal static Gen<CgroupFile> Files { get; } =
        from lines in Gen.Select(Gen.Int[0, 13], s_controllers, s_segment.Array[0, 4]).Array[1, 8]
        from trailingNewline in Gen.Bool
        select Format(lines, trailingNewline);

    [Fact]
    public void Well_formed_files_parse_to_every_line_in_order()
    {
        FuzzCheck.Run(Files, file =>
        {
            Assert.True(ProcCgroupParser.TryParse(file.Bytes, out var memberships));
            Assert.Equal(file.Memberships, memberships);
        }, "0000001dfSF8", CiIterations, f => Encoding.Latin1.GetString(f.Bytes));
    }

    [Fact]
    public void Mutated_files_never_throw_and_split_on_the_first_two_colons_when_accepted()
    {
        var input = Gen.Select(Files, Gen.Int.NonNegative, Gen.Int[0, 3], Gen.OneOf((byte)':', (byte)'\n', (byte)'/', (byte)'x', (byte)0xFF),
            (file, at, how, value) => Mutate(file.Bytes, at, how, value));
        FuzzCheck.Run(input, bytes =>
        {
            if (ProcCgroupParser.TryParse(bytes, out var memberships))
            {
                Assert.Equal(Reference(bytes), memberships);
            }
        }, "0000001dfSLa", CiIterations, Convert.ToHexString);
    }

    /// <summary>Each non-empty line: digits, ':', controllers, ':', the rest of the line as the path.</summary>
    private static CgroupMembership[] Reference(byte[] bytes) =>
        Encoding.Latin1.GetString(bytes).Split('\n')
            .Where(line => line.Length > 0)
            .Select(line => line.Split(':', 3))
            .Select(parts => new CgroupMembership(
                Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(parts[1])),
                Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(parts[2]))))
            .ToArray();

    private static CgroupFile Format((int Id, string Controllers, byte[][] Segments)[] lines, bool trailingNewline)
    {
        var bytes = new List<byte>();
        var memberships = new List<CgroupMembership>();
        foreach (var (id, controllers, segments) in lines)
        {
            var path = segments.Length == 0 ? "/"u8.ToArray() : segments.SelectMany(s => (byte[])[(byte)'/', .. s]).ToArray();
            bytes.AddRange(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}:{controllers}:")));
            bytes.AddRange(path);
            bytes.Add((byte)'\n');
            memberships.Add(new CgroupMembership(controllers, Encoding.UTF8.GetString(path)));
        }

        if (!trailingNewline)
        {
            bytes.RemoveAt(bytes.Count - 1);
        }

        return new CgroupFile([.. memberships], [.. bytes]);
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

    /// <summary>A generated cgroup file and the memberships in it.</summary>
    internal sealed record CgroupFile(CgroupMembership[] Memberships, byte[] Bytes);
}
