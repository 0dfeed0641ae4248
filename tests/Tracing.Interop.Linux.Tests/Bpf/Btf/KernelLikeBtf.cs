namespace Tracing.Linux.Tests.Bpf.Btf;

/// <summary>
/// A small BTF shaped like a 6.x kernel's where the eBPF programs read: task_struct, mm_struct with its members in an
/// anonymous struct, cred with kuid_t members, linux_binprm with bitfields. Offsets are made up.
/// </summary>
internal static class KernelLikeBtf
{
    public static BtfBuilder Builder(uint pidSize = 4, bool withBinprm = true, bool withMm = true)
    {
        var b = new BtfBuilder();
        var @int = b.Int("int", 4);
        var uint32 = b.Int("unsigned int", 4, encoding: 0);
        var unsignedLong = b.Int("long unsigned int", 8, encoding: 0);
        var @char = b.Int("char", 1, encoding: 2);
        var pidT = b.Typedef("pid_t", b.Typedef("__kernel_pid_t", pidSize == 4 ? @int : b.Int("short", pidSize)));
        var kuidT = b.Typedef("kuid_t", b.Struct(null, 4, ("val", b.Typedef("uid_t", uint32), 0)));
        var task = b.Fwd("task_struct");
        var mmFwd = b.Fwd("mm_struct");
        var cred = b.Struct("cred", 24, ("usage", @int, 0), ("uid", kuidT, 32), ("gid", kuidT, 64), ("suid", kuidT, 96), ("euid", kuidT, 128));
        b.Struct(
            "task_struct",
            256,
            ("thread_info", b.Array(@char, @int, 24), 0),
            ("flags", uint32, 192),
            ("mm", b.Ptr(mmFwd), 256),
            ("exit_code", @int, 320),
            ("exit_signal", @int, 352),
            ("pid", pidT, 384),
            ("tgid", pidT, 416),
            ("real_parent", b.Ptr(b.TypeTag("rcu", task)), 448),
            ("cred", b.Ptr(b.TypeTag("rcu", b.Const(cred))), 512),
            ("comm", b.Array(@char, @int, 16), 576));
        if (withMm)
        {
            var inner = b.Struct(null, 96, ("mm_mt", b.Array(@char, @int, 16), 0), ("arg_start", unsignedLong, 512), ("arg_end", unsignedLong, 576));
            b.Struct("mm_struct", 104, (null, inner, 0), ("cpu_bitmap", b.Array(unsignedLong, @int, 0), 768));
        }

        if (withBinprm)
        {
            var constChars = b.Ptr(b.Const(@char));
            b.StructWithBitfields(
                "linux_binprm",
                64,
                ("vma", b.Ptr(0), 0, 0),
                ("have_execfd", uint32, 64, 1),
                ("secureexec", uint32, 65, 1),
                ("argc", @int, 96, 0),
                ("envc", @int, 128, 0),
                ("filename", constChars, 192, 0),
                ("interp", constChars, 256, 0));
        }

        return b;
    }
}
