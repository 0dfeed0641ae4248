using Tracing.Linux.FileSystem;
using static Interop.Libc;

namespace Tracing.Linux.Tests.Libc;

internal static partial class ManagedLayout
{
    /// <summary>statx(2): the struct the passwd cache stats files with, and its flags.</summary>
    private static KeyValuePair<string, Func<long>[]>[] Statx() =>
    [
        new("sizeof struct statx", Size<FileSystem.Statx>(FileSystem.Statx.Size)),
        new("offsetof struct statx.stx_mask", Offset<FileSystem.Statx>("stx_mask")),
        new("offsetof struct statx.stx_mode", Offset<FileSystem.Statx>("stx_mode")),
        new("offsetof struct statx.stx_ino", Offset<FileSystem.Statx>("stx_ino")),
        new("offsetof struct statx.stx_size", Offset<FileSystem.Statx>("stx_size")),
        new("offsetof struct statx.stx_atime", Offset<FileSystem.Statx>("stx_atime")),
        new("offsetof struct statx.stx_ctime", Offset<FileSystem.Statx>("stx_ctime")),
        new("offsetof struct statx.stx_mtime", Offset<FileSystem.Statx>("stx_mtime")),
        new("offsetof struct statx.stx_dev_major", Offset<FileSystem.Statx>("stx_dev_major")),
        new("offsetof struct statx.stx_dev_minor", Offset<FileSystem.Statx>("stx_dev_minor")),
        new("sizeof struct statx_timestamp", Size<FileSystem.Statx.StatxTimestamp>(FileSystem.Statx.StatxTimestamp.Size)),
        new("offsetof struct statx_timestamp.tv_sec", Offset<FileSystem.Statx.StatxTimestamp>("tv_sec")),
        new("offsetof struct statx_timestamp.tv_nsec", Offset<FileSystem.Statx.StatxTimestamp>("tv_nsec")),
        new("const AT_FDCWD", [() => AT_FDCWD]),
        new("const AT_EMPTY_PATH", [() => AT_EMPTY_PATH]),
        new("const STATX_MTIME", [() => FileSystem.Statx.STATX_MTIME]),
        new("const STATX_CTIME", [() => FileSystem.Statx.STATX_CTIME]),
        new("const STATX_INO", [() => FileSystem.Statx.STATX_INO]),
        new("const STATX_SIZE", [() => FileSystem.Statx.STATX_SIZE]),
    ];
}
