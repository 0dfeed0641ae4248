using CsCheck;
using Tracing.Linux.Bpf.Btf;
using Tracing.Tests.Fuzzing;

namespace Tracing.Linux.Tests.Bpf.Btf;

/// <summary>Garbage never throws: a kernel-like blob with bytes changed or cut, parsed and then searched.</summary>
public class BtfTypesFuzzTests
{
    private static readonly byte[] s_blob = KernelLikeBtf.Builder().Build();

    private static readonly (string Struct, string Path)[] s_lookups =
    [
        ("task_struct", "pid"), ("task_struct", "real_parent"), ("task_struct", "comm"), ("mm_struct", "arg_start"),
        ("cred", "uid.val"), ("cred", "euid.val.x"), ("linux_binprm", "argc"), ("linux_binprm", "have_execfd"),
    ];

    [Fact]
    public void A_blob_with_bytes_changed_never_throws()
    {
        var changes = Gen.Select(Gen.Int[0, s_blob.Length - 1], Gen.Byte).Array[1, 6];
        FuzzCheck.Run(changes, edits =>
        {
            var blob = (byte[])s_blob.Clone();
            foreach (var (at, value) in edits)
            {
                blob[at] = value;
            }

            Exercise(blob);
        }, "0000001dfSOb", 20_000, edits => string.Join(", ", edits.Select(e => $"[{e.Item1}]={e.Item2:X2}")));
    }

    [Fact]
    public void A_blob_with_words_changed_never_throws()
    {
        // Whole u32s: type ids, name offsets, vlens and kinds turn to other values than single bytes make.
        var words = Gen.Select(Gen.Int[0, (s_blob.Length / 4) - 1], Gen.OneOf(Gen.UInt, Gen.UInt[0, 64], Gen.Const(uint.MaxValue))).Array[1, 3];
        FuzzCheck.Run(words, edits =>
        {
            var blob = (byte[])s_blob.Clone();
            foreach (var (at, value) in edits)
            {
                BitConverter.TryWriteBytes(blob.AsSpan(at * 4), value);
            }

            Exercise(blob);
        }, "0000001dfSRc", 20_000, edits => string.Join(", ", edits.Select(e => $"word {e.Item1}={e.Item2:X8}")));
    }

    private static void Exercise(byte[] blob)
    {
        if (!BtfTypes.TryParse(blob, out var types, out var error))
        {
            Assert.False(string.IsNullOrEmpty(error));
            return;
        }

        foreach (var (name, path) in s_lookups)
        {
            if (types.TryGetMember(name, path, out var member, out error))
            {
                Assert.True(member.Offset >= 0 && member.Size >= 0);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error));
            }

            _ = types.TryGetStructSize(name, out _, out _);
        }

        _ = KernelStructLayout.TryResolve(types, out _, out _);
    }
}
