using System.Globalization;
using System.Text;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// What a <see cref="ShapeDirectory"/> shape recorded: its programs in order, the subshells it forked (pid to parent
/// pid) and each child's exit status as the shell's <c>wait</c> gave it. From it, the expectations: which program each
/// one descends from, and how each process ended.
/// </summary>
internal sealed class ShapeRecord
{
    private readonly Dictionary<int, int> _forks = [];
    private readonly Dictionary<int, int> _statuses = [];

    private ShapeRecord(byte[] file, IReadOnlyList<string> rootArgv, string tsh, int rootStatus)
    {
        var programs = new List<RecordedProgram>();
        foreach (var line in Split(file, (byte)'\n').Where(l => l.Length > 0))
        {
            var fields = Split(line, (byte)'|');
            var kind = Text(fields[0]);
            switch (kind)
            {
                case "exec":
                    IReadOnlyList<byte[]> argv = Text(fields[4]) == "root" && fields.Count == 5
                        ? [.. rootArgv.Select(Encoding.UTF8.GetBytes)]
                        : [Encoding.UTF8.GetBytes(tsh), .. fields.Skip(4)];
                    programs.Add(new RecordedProgram(programs.Count, Int(fields[1]), Int(fields[2]), Text(fields[3]), argv));
                    break;
                case "fork":
                    _forks.Add(Int(fields[1]), Int(fields[2]));
                    break;
                case "status":
                    _statuses.Add(Int(fields[1]), Int(fields[2]));
                    break;
                default:
                    throw new FormatException($"record line '{Text(line)}'");
            }
        }

        Programs = programs;
        _statuses[programs[0].Pid] = rootStatus;
    }

    /// <summary>Every program, in the order they recorded themselves (the root first).</summary>
    public IReadOnlyList<RecordedProgram> Programs { get; }

    /// <summary>The processes that exited: one per pid that exec'd.</summary>
    public IReadOnlyList<int> Processes => [.. Programs.Select(p => p.Pid).Distinct()];

    public static ShapeRecord Read(ShapeDirectory shape, IReadOnlyList<string> rootArgv, int rootStatus) =>
        new(File.ReadAllBytes(shape.RecordPath), rootArgv, shape.Tsh, rootStatus);

    /// <summary>
    /// The program <paramref name="program"/> descends from: the one its process ran before it exec'd, else the
    /// nearest ancestor that exec'd (subshells that only forked are passed over); null for the root.
    /// </summary>
    public RecordedProgram? ParentOf(RecordedProgram program)
    {
        if (Before(program, program.Pid) is { } previous)
        {
            return previous;
        }

        var pid = program.ParentPid;
        while (true)
        {
            if (Before(program, pid) is { } ancestor)
            {
                return ancestor;
            }

            if (!_forks.TryGetValue(pid, out pid))
            {
                return null;
            }
        }
    }

    /// <summary>The program that ran after <paramref name="program"/> in its process (an exec), or null when it was the last.</summary>
    public RecordedProgram? NextInProcess(RecordedProgram program) =>
        Programs.Skip(program.Index + 1).FirstOrDefault(p => p.Pid == program.Pid);

    /// <summary>How the process ended: an exit code, or the signal that killed it (a shell's status past 128).</summary>
    public (int? ExitCode, int? Signal) EndOf(int pid) =>
        _statuses[pid] is var status && status > 128 ? (null, status - 128) : (status, null);

    private RecordedProgram? Before(RecordedProgram program, int pid) =>
        Programs.Take(program.Index).LastOrDefault(p => p.Pid == pid);

    private static int Int(byte[] field) => int.Parse(Text(field), CultureInfo.InvariantCulture);

    private static string Text(byte[] field) => Encoding.UTF8.GetString(field);

    private static List<byte[]> Split(byte[] bytes, byte separator)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == separator)
            {
                parts.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return parts;
    }
}
