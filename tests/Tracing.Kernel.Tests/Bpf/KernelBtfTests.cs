using System.Diagnostics;
using Tracing.Linux.Bpf.Btf;
using Xunit.Abstractions;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>
/// The BTF reader on this kernel's own BTF, against bpftool's reading of it (libbpf): every named member of the structs
/// the eBPF programs read, anonymous members flattened, at the same offset and of the same size; bitfields refused.
/// </summary>
public sealed class KernelBtfTests(ITestOutputHelper output)
{
    private static readonly Lazy<BpftoolBtf> s_bpftool = new(() => BpftoolBtf.Dump(KernelBtf.VmlinuxPath));

    public static TheoryData<string> Structs() => ["task_struct", "mm_struct", "cred", "linux_binprm"];

    private static BtfTypes Load()
    {
        Assert.True(KernelBtf.TryLoad(out var types, out var error), error);
        return types;
    }

    [Fact]
    public void The_kernel_btf_is_read_whole_with_as_many_types_as_bpftool_sees()
    {
        var started = Stopwatch.GetTimestamp();
        var data = File.ReadAllBytes(KernelBtf.VmlinuxPath);
        var read = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        Assert.True(BtfTypes.TryParse(data, out var types, out var error), error);
        var parsed = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        Assert.True(KernelStructLayout.TryResolve(types, out _, out error), error);
        var resolved = Stopwatch.GetElapsedTime(started);

        output.WriteLine($"{data.Length} bytes, {types.TypeCount} types: read in {read.TotalMilliseconds:F1} ms, parsed in {parsed.TotalMilliseconds:F1} ms, layout resolved in {resolved.TotalMilliseconds:F1} ms");
        Assert.Equal(s_bpftool.Value.MaxId, types.TypeCount);
    }

    [Theory]
    [MemberData(nameof(Structs))]
    public void Every_named_member_is_where_bpftool_says_and_of_its_size(string structName)
    {
        var btf = Load();
        var bpftool = s_bpftool.Value;
        var composite = bpftool.Struct(structName);
        var members = bpftool.NamedMembers(composite).ToList();

        Assert.True(btf.TryGetStructSize(structName, out var size, out var error), error);
        Assert.Equal(composite.Field("size"), size);
        var read = 0;
        foreach (var expected in members)
        {
            var found = btf.TryGetMember(structName, expected.Name, out var member, out error);
            if (expected.IsBitfield)
            {
                Assert.False(found, $"{structName}.{expected.Name} is a bitfield (bpftool: bits_offset={expected.BitsOffset} bitfield_size={expected.BitfieldSize}), yet was given {member}");
                Assert.Contains("is a bitfield", error, StringComparison.Ordinal);
                continue;
            }

            Assert.True(found, error);
            Assert.Equal((structName, expected.Name, expected.BitsOffset / 8, bpftool.Size(expected.TypeId)), (structName, expected.Name, (long)member.Offset, (long)member.Size));
            read++;
        }

        output.WriteLine($"{structName}: {read} members compared, {members.Count - read} bitfields refused");
        Assert.True(read > 0);
    }

    [Fact]
    public void Mm_struct_arg_start_is_found_in_its_anonymous_struct()
    {
        // On 6.x kernels mm_struct's members sit in an anonymous struct (beside cpu_bitmap[]); a reader that does not
        // look into anonymous members finds none of them.
        var bpftool = s_bpftool.Value;
        Assert.DoesNotContain(bpftool.Struct("mm_struct").Members, m => m.Name == "arg_start");

        Assert.True(Load().TryGetMember("mm_struct", "arg_start", out var member, out var error), error);

        Assert.Equal(bpftool.Member("mm_struct", "arg_start").BitsOffset / 8, member.Offset);
    }

    [Fact]
    public void The_layout_the_ebpf_programs_read_resolves_on_this_kernel()
    {
        Assert.True(KernelStructLayout.TryLoad(out var layout, out var error), error);

        var bpftool = s_bpftool.Value;
        long At(string structName, string path) => bpftool.Member(structName, path).BitsOffset / 8;
        Assert.Equal(
            new KernelStructLayout(
                (int)At("task_struct", "pid"), (int)At("task_struct", "tgid"), (int)At("task_struct", "real_parent"), (int)At("task_struct", "mm"),
                (int)At("task_struct", "cred"), (int)At("task_struct", "exit_code"), (int)At("task_struct", "exit_signal"),
                (int)At("task_struct", "flags"), (int)At("mm_struct", "arg_start"), (int)At("mm_struct", "arg_end"), (int)At("cred", "uid.val"),
                (int)At("cred", "euid.val"), (int)At("linux_binprm", "filename"), (int)At("linux_binprm", "interp"), (int)At("linux_binprm", "argc")),
            layout);
        output.WriteLine(layout.ToString());
    }
}
