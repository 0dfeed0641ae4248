using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// The oracle for the BTF reader: the kernel's BTF as <c>bpftool btf dump file PATH format raw</c> prints it (libbpf's
/// reading, not ours). bpftool must be installed (.ci/run installs it); its absence fails the test, it never skips it.
/// </summary>
internal sealed partial class BpftoolBtf
{
    private readonly Dictionary<int, BpftoolType> _types;

    private BpftoolBtf(Dictionary<int, BpftoolType> types) => _types = types;

    public int MaxId => _types.Keys.Max();

    public static BpftoolBtf Dump(string path)
    {
        var output = Run(path);
        var types = new Dictionary<int, BpftoolType>();
        BpftoolType? current = null;
        foreach (var line in output.Split('\n'))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                current = new BpftoolType(
                    int.Parse(type.Groups["id"].Value, CultureInfo.InvariantCulture),
                    type.Groups["kind"].Value,
                    type.Groups["name"].Value,
                    Fields(type.Groups["rest"].Value),
                    new List<BpftoolMember>());
                types.Add(current.Id, current);
            }
            else if (current is { IsComposite: true } && MemberLine().Match(line) is { Success: true } member)
            {
                var fields = Fields(member.Groups["rest"].Value);
                ((List<BpftoolMember>)current.Members).Add(new BpftoolMember(
                    member.Groups["name"].Value,
                    int.Parse(fields["type_id"], CultureInfo.InvariantCulture),
                    long.Parse(fields["bits_offset"], CultureInfo.InvariantCulture),
                    fields.TryGetValue("bitfield_size", out var bits) ? int.Parse(bits, CultureInfo.InvariantCulture) : 0));
            }
        }

        Assert.True(types.Count > 1000, $"bpftool printed {types.Count} types of {path}:\n{output[..Math.Min(output.Length, 2000)]}");
        return new BpftoolBtf(types);
    }

    /// <summary>The one STRUCT of that name (FWDs left out).</summary>
    public BpftoolType Struct(string name) => Assert.Single(_types.Values, t => t.Kind == "STRUCT" && t.Name == name);

    /// <summary>
    /// The named members of <paramref name="composite"/>, with the members of its anonymous struct and union members in
    /// their place, offsets summed from the outermost struct.
    /// </summary>
    public IEnumerable<BpftoolMember> NamedMembers(BpftoolType composite, long baseBits = 0)
    {
        foreach (var member in composite.Members)
        {
            if (member.Name != BpftoolType.Anonymous)
            {
                yield return member with { BitsOffset = baseBits + member.BitsOffset };
            }
            else if (Resolve(member.TypeId) is { IsComposite: true } inner)
            {
                foreach (var nested in NamedMembers(inner, baseBits + member.BitsOffset))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The member at a dotted path, through anonymous members and typedefs.</summary>
    public BpftoolMember Member(string structName, string path)
    {
        BpftoolMember? found = null;
        var composite = Struct(structName);
        foreach (var segment in path.Split('.'))
        {
            var member = Assert.Single(NamedMembers(composite, found?.BitsOffset ?? 0), m => m.Name == segment);
            found = member;
            composite = Resolve(member.TypeId);
        }

        return found!;
    }

    /// <summary>The size in bytes of what <paramref name="typeId"/> stands for; a pointer is the size of the BTF's long.</summary>
    public long Size(int typeId)
    {
        var type = Resolve(typeId);
        return type.Kind switch
        {
            "PTR" => Assert.Single(_types.Values, t => t.Kind == "INT" && t.Name == "long int").Field("size"),
            "ARRAY" => Size((int)type.Field("type_id")) * type.Field("nr_elems"),
            _ => type.Field("size"),
        };
    }

    /// <summary>Through TYPEDEF, CONST, VOLATILE, RESTRICT and TYPE_TAG.</summary>
    private BpftoolType Resolve(int typeId)
    {
        var type = _types[typeId];
        while (type.Kind is "TYPEDEF" or "CONST" or "VOLATILE" or "RESTRICT" or "TYPE_TAG")
        {
            type = _types[(int)type.Field("type_id")];
        }

        return type;
    }

    private static Dictionary<string, string> Fields(string rest) =>
        rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.TrimEnd(',').Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1]);

    private static string Run(string path)
    {
        foreach (var bpftool in new[] { "bpftool", "/usr/sbin/bpftool" })
        {
            var start = new ProcessStartInfo(bpftool, ["btf", "dump", "file", path, "format", "raw"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                using var process = Process.Start(start)!;
                var errors = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"bpftool btf dump failed ({process.ExitCode}): {errors.Result}");
                return output;
            }
            catch (Win32Exception)
            {
                // Not there: try the next place.
            }
        }

        throw new InvalidOperationException("The BTF reader's kernel test compares it with bpftool, which is not installed (.ci/run installs it: apt-get install bpftool).");
    }

    [GeneratedRegex(@"^\[(?<id>\d+)\] (?<kind>[A-Z_0-9]+) '(?<name>[^']*)'(?<rest>.*)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^\t'(?<name>[^']*)'(?<rest>.*)$")]
    private static partial Regex MemberLine();
}
