using Tracing.Linux.Netlink;
using Tracing.Tracer;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>
/// <see cref="NamespaceCheck"/> with the inodes given: the kernel's fixed initial ones pass, any other is refused with a
/// message naming the namespace that differs and the remedy; an unreadable one is let through to the subscription.
/// </summary>
public class NamespaceCheckTests
{
    private const ulong Pid = NamespaceCheck.PROC_PID_INIT_INO;
    private const ulong User = NamespaceCheck.PROC_USER_INIT_INO;
    private const ulong Other = 4026532999;

    [Theory]
    [InlineData(Pid, User)]
    [InlineData(0UL, 0UL)] // no /proc: the subscription's timeout decides
    [InlineData(0UL, User)]
    [InlineData(Pid, 0UL)]
    public void The_initial_namespaces_or_unreadable_ones_pass(ulong pid, ulong user)
    {
        Assert.Null(NamespaceCheck.Check(Inodes(pid, user)));
    }

    [Fact]
    public void This_process_on_the_host_passes()
    {
        NamespaceCheck.ThrowIfNotInitial();
    }

    [Fact]
    public void A_foreign_pid_namespace_is_named_with_its_inode()
    {
        var refusal = NamespaceCheck.Check(Inodes(Other, User));

        Assert.NotNull(refusal);
        Assert.Contains($"its PID namespace (pid:[{Other}]) is not the initial one (pid:[4026531836])", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("user namespace (user:[", refusal.Message, StringComparison.Ordinal);
        AssertCauseAndRemedy(refusal.Message);
    }

    [Fact]
    public void A_foreign_user_namespace_is_named_with_its_inode()
    {
        var refusal = NamespaceCheck.Check(Inodes(Pid, Other));

        Assert.NotNull(refusal);
        Assert.Contains($"its user namespace (user:[{Other}]) is not the initial one (user:[4026531837])", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PID namespace (pid:[", refusal.Message, StringComparison.Ordinal);
        AssertCauseAndRemedy(refusal.Message);
    }

    [Fact]
    public void Both_foreign_are_both_named()
    {
        var refusal = NamespaceCheck.Check(Inodes(Other, Other + 1));

        Assert.NotNull(refusal);
        Assert.Contains($"its PID namespace (pid:[{Other}]) and user namespace (user:[{Other + 1}]) are not the initial ones", refusal.Message, StringComparison.Ordinal);
        AssertCauseAndRemedy(refusal.Message);
    }

    [Fact]
    public void The_eBPF_sources_refusal_names_its_own_cause_and_privileges()
    {
        var refusal = NamespaceCheck.Check(Inodes(Other, User), ExecTracingSource.Bpf);

        Assert.NotNull(refusal);
        Assert.Contains($"its PID namespace (pid:[{Other}]) is not the initial one", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("The eBPF source traces only from the initial PID and user namespaces", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("this process appears to run inside a container", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("--pid=host", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("CAP_BPF and CAP_PERFMON", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CAP_NET_ADMIN", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("subscriptions", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixed_inodes_are_the_kernel_s()
    {
        // include/linux/proc_ns.h; a host process reads them from its own links (this test runs on the host).
        Assert.Equal(0xEFFFFFFCUL, NamespaceCheck.PROC_PID_INIT_INO);
        Assert.Equal(0xEFFFFFFDUL, NamespaceCheck.PROC_USER_INIT_INO);
        Assert.Equal($"pid:[{Pid}]", File.ResolveLinkTarget("/proc/self/ns/pid", false)!.Name);
        Assert.Equal($"user:[{User}]", File.ResolveLinkTarget("/proc/self/ns/user", false)!.Name);
    }

    private static void AssertCauseAndRemedy(string message)
    {
        Assert.Contains("only to listeners in the initial PID and user namespaces", message, StringComparison.Ordinal);
        Assert.Contains("this process appears to run inside a container", message, StringComparison.Ordinal);
        Assert.Contains("Run it on the host", message, StringComparison.Ordinal);
        Assert.Contains("--pid=host", message, StringComparison.Ordinal);
        Assert.Contains("not rootless", message, StringComparison.Ordinal);
        Assert.Contains("CAP_NET_ADMIN", message, StringComparison.Ordinal);
        Assert.Contains("--privileged", message, StringComparison.Ordinal);
        Assert.Contains("--network=host", message, StringComparison.Ordinal);
    }

    private static Func<string, ulong> Inodes(ulong pid, ulong user) => type => type switch
    {
        "pid" => pid,
        "user" => user,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
