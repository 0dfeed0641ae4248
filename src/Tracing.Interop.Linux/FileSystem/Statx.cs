using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tracing.Linux.FileSystem;

/// <summary>What <c>statx(2)</c> tells about a file.</summary>
// From include/uapi/linux/stat.h (and glibc bits/types/struct_statx.h): the same layout on every architecture, which is
// why statx is used rather than stat, whose struct differs between x86_64 and arm64.
[StructLayout(LayoutKind.Sequential)]
internal struct Statx
{
    internal const int Size = 256;

    // From include/uapi/linux/stat.h: the fields a caller asks for.
    internal const uint STATX_MTIME = 0x40;
    internal const uint STATX_CTIME = 0x80;
    internal const uint STATX_INO = 0x100;
    internal const uint STATX_SIZE = 0x200;

    internal uint stx_mask;
    internal uint stx_blksize;
    internal ulong stx_attributes;
    internal uint stx_nlink;
    internal uint stx_uid;
    internal uint stx_gid;
    internal ushort stx_mode;
    internal ushort __spare0;
    internal ulong stx_ino;
    internal ulong stx_size;
    internal ulong stx_blocks;
    internal ulong stx_attributes_mask;
    internal StatxTimestamp stx_atime;
    internal StatxTimestamp stx_btime;
    internal StatxTimestamp stx_ctime;
    internal StatxTimestamp stx_mtime;
    internal uint stx_rdev_major;
    internal uint stx_rdev_minor;
    internal uint stx_dev_major;
    internal uint stx_dev_minor;
    internal Spare __spare2;

    /// <summary><c>struct statx_timestamp</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct StatxTimestamp
    {
        internal const int Size = 16;

        internal long tv_sec;
        internal uint tv_nsec;
        internal int __reserved;
    }

    /// <summary>The words later kernels fill (mount id, alignment hints...), unread here.</summary>
    [InlineArray(14)]
    internal struct Spare
    {
        private ulong _element0;
    }
}
