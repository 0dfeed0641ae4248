using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tracing.Linux.FileSystem;

/// <summary>What <c>statfs(2)</c> tells about the file system a path is on.</summary>
// From glibc bits/statfs.h: struct statfs on 64-bit Linux (x86_64 and arm64 alike), where every word is 8 bytes.
[StructLayout(LayoutKind.Sequential)]
internal struct StatFs
{
    internal const int Size = 120;

    // From include/uapi/linux/magic.h.
    internal const long CGROUP_SUPER_MAGIC = 0x27e0eb;
    internal const long CGROUP2_SUPER_MAGIC = 0x63677270;

    internal long f_type;
    internal long f_bsize;
    internal ulong f_blocks;
    internal ulong f_bfree;
    internal ulong f_bavail;
    internal ulong f_files;
    internal ulong f_ffree;
    internal FsId f_fsid;
    internal long f_namelen;
    internal long f_frsize;
    internal long f_flags;
    internal Spare f_spare;

    /// <summary><c>__fsid_t</c>: two ints.</summary>
    [InlineArray(2)]
    internal struct FsId
    {
        private int _element0;
    }

    /// <summary>The four reserved words.</summary>
    [InlineArray(4)]
    internal struct Spare
    {
        private long _element0;
    }
}
