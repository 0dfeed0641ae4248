using Tracing.Linux.Bpf.Btf;

namespace Tracing.Linux.Tests.Bpf.Btf;

/// <summary>The layout the eBPF programs read, resolved at once, or refused with every problem named.</summary>
public class KernelStructLayoutTests
{
    [Fact]
    public void Every_member_is_resolved_from_a_kernel_like_btf()
    {
        var types = KernelLikeBtf.Builder().Parse();

        Assert.True(KernelStructLayout.TryResolve(types, out var layout, out var error), error);

        Assert.Equal(
            new KernelStructLayout(
                TaskPid: 48, TaskTgid: 52, TaskRealParent: 56, TaskMm: 32, TaskCred: 64, TaskExitCode: 40, TaskExitSignal: 44, TaskFlags: 24,
                MmArgStart: 64, MmArgEnd: 72, CredUid: 4, CredEuid: 16, BinprmFilename: 24, BinprmInterp: 32, BinprmArgc: 12),
            layout);
    }

    [Fact]
    public void Every_problem_is_listed_in_one_message()
    {
        var types = KernelLikeBtf.Builder(pidSize: 2, withBinprm: false, withMm: false).Parse();

        Assert.False(KernelStructLayout.TryResolve(types, out var layout, out var error));

        Assert.Null(layout);
        Assert.StartsWith("the kernel's BTF does not have what the eBPF programs read (7 of 15): ", error, StringComparison.Ordinal);
        Assert.Contains("task_struct.pid is 2 bytes, where the eBPF programs read 4", error, StringComparison.Ordinal);
        Assert.Contains("task_struct.tgid is 2 bytes", error, StringComparison.Ordinal);
        Assert.Contains("struct mm_struct is only declared (a FWD) in this BTF, never defined", error, StringComparison.Ordinal);
        Assert.Contains("this BTF has no struct or union named linux_binprm", error, StringComparison.Ordinal);
        Assert.DoesNotContain("cred", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_btf_file_is_named_with_what_the_kernel_needs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-btf-{Guid.NewGuid():N}", "vmlinux");

        Assert.False(KernelBtf.TryLoad(path, out var types, out var error));

        Assert.Null(types);
        Assert.Equal($"the kernel has no BTF ({path}): it needs CONFIG_DEBUG_INFO_BTF=y, Linux 5.5+", error);
    }

    [Fact]
    public void A_file_that_is_not_btf_is_refused_with_the_reason()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not BTF at all, but long enough for a header");

            Assert.False(KernelBtf.TryLoad(path, out _, out var error));

            Assert.StartsWith($"the kernel's BTF ({path}) could not be read: not BTF: the magic is", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_btf_file_is_loaded_and_read()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, KernelLikeBtf.Builder().Build());

            Assert.True(KernelBtf.TryLoad(path, out var types, out var error), error);

            Assert.True(types.TryGetStructSize("task_struct", out var size, out error), error);
            Assert.Equal(256, size);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
