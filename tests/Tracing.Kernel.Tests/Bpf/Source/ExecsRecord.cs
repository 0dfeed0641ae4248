using System.Globalization;

namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>What native/execs.c wrote down it did: its failed execs, its successful ones, and the premises it checked.</summary>
internal sealed class ExecsRecord
{
    public List<RecordedFailedExec> Failed { get; } = [];

    public List<RecordedExec> Execs { get; } = [];

    public Dictionary<string, int> Premises { get; } = [];

    public static ExecsRecord Read(string path)
    {
        var record = new ExecsRecord();
        foreach (var line in File.ReadAllLines(path))
        {
            var f = line.Split(' ');
            switch (f[0])
            {
                case "F":
                    record.Failed.Add(new RecordedFailedExec(Int(f[1]), Int(f[2]), Int(f[3]), f[4] == "-" ? null : f[4], Bytes(f[5]), Bytes(f[6])));
                    break;
                case "E":
                    record.Execs.Add(new RecordedExec(Int(f[1]), Int(f[2]), Bytes(f[3])));
                    break;
                case "P":
                    record.Premises[f[1]] = Int(f[2]);
                    break;
                default:
                    throw new InvalidDataException($"execs.c wrote a line not understood: {line}");
            }
        }

        return record;
    }

    /// <summary>NUL-terminated arguments split into each one's bytes.</summary>
    public static byte[][] Arguments(byte[] nulTerminated)
    {
        var list = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < nulTerminated.Length; i++)
        {
            if (nulTerminated[i] == 0)
            {
                list.Add(nulTerminated[start..i]);
                start = i + 1;
            }
        }

        if (start < nulTerminated.Length)
        {
            list.Add(nulTerminated[start..]);
        }

        return [.. list];
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static byte[] Bytes(string hex) => hex == "-" ? [] : Convert.FromHexString(hex);
}
