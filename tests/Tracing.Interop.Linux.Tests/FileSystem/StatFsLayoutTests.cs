using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tracing.Linux.FileSystem;

namespace Tracing.Linux.Tests.FileSystem;

/// <summary>Size and offsets against glibc's bits/statfs.h on 64-bit Linux.</summary>
public class StatFsLayoutTests
{
    [Theory]
    [InlineData("f_type", 0)]
    [InlineData("f_bsize", 8)]
    [InlineData("f_blocks", 16)]
    [InlineData("f_bfree", 24)]
    [InlineData("f_bavail", 32)]
    [InlineData("f_files", 40)]
    [InlineData("f_ffree", 48)]
    [InlineData("f_fsid", 56)]
    [InlineData("f_namelen", 64)]
    [InlineData("f_frsize", 72)]
    [InlineData("f_flags", 80)]
    [InlineData("f_spare", 88)]
    public void StatFs_matches_struct_statfs(string field, int offset)
    {
        Assert.Equal(StatFs.Size, Unsafe.SizeOf<StatFs>());
        Assert.Equal(120, Unsafe.SizeOf<StatFs>());
        Assert.Equal(offset, (int)Marshal.OffsetOf<StatFs>(field));
    }
}
