using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Tracing.Linux.FileSystem;
using static Interop.Libc;

namespace Tracing.Linux.ProcFs;

/// <summary>
/// User names from passwd files, parsed once per file and kept by the file's identity (device and inode), so every
/// process of one root, a container's or the host's, shares one parse. A lookup costs one <c>statx</c> of the path:
/// a changed mtime, ctime or size reads the file again. (A rewrite that keeps the size within one timestamp tick goes
/// unseen until the next change; the kernel's timestamps are fine-grained enough that this is rare.)
/// </summary>
/// <remarks>
/// Safe for any number of threads (the receive thread and readers): entries are immutable and swapped whole; two
/// threads that miss at once both read the file, and either result is kept. Bounded: past
/// <see cref="MaxFiles"/> files the cache starts again empty, and a file is read up to <see cref="MaxFileBytes"/>.
/// </remarks>
internal sealed class PasswdCache
{
    /// <summary>The most files kept; one more empties the cache.</summary>
    public const int MaxFiles = 64;

    /// <summary>The most bytes read of one file; the lines after are not seen.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private const uint Fields = Statx.STATX_INO | Statx.STATX_SIZE | Statx.STATX_MTIME | Statx.STATX_CTIME;

    private readonly ConcurrentDictionary<FileIdentity, Entry> _files = new();

    /// <summary>How many files the cache holds now.</summary>
    public int Count => _files.Count;

    /// <summary>How many times a file was read and parsed (a miss).</summary>
    public int Reads => _reads;

    private int _reads;

    /// <summary>The name of <paramref name="uid"/> in the passwd file at <paramref name="path"/>.</summary>
    /// <param name="path">The file's path as UTF-8, NUL-terminated.</param>
    /// <param name="uid">The user id.</param>
    /// <param name="name">The name; null when the file has no such uid.</param>
    /// <returns>0, or the errno that kept the file from being read (then <paramref name="name"/> is null).</returns>
    public int TryGetName(ReadOnlySpan<byte> path, uint uid, out string? name)
    {
        name = null;
        var errno = StatxPath(path, Fields, out var status);
        if (errno != 0)
        {
            return errno;
        }

        if (!_files.TryGetValue(FileIdentity.Of(status), out var entry) || entry.Stamp != FileStamp.Of(status))
        {
            errno = Read(path, out entry);
            if (errno != 0)
            {
                return errno;
            }
        }

        entry!.Names.TryGetValue(uid, out name);
        return 0;
    }

    /// <summary>The same for a path given as a string.</summary>
    public int TryGetName(string path, uint uid, out string? name) =>
        TryGetName(Encoding.UTF8.GetBytes(path + "\0"), uid, out name);

    /// <summary>Reads and parses the file, and keeps it under the identity and stamp of what was read.</summary>
    private int Read(ReadOnlySpan<byte> path, out Entry? entry)
    {
        entry = null;
        var errno = OpenReadOnly(path, out var fd);
        using (fd)
        {
            if (errno != 0)
            {
                return errno;
            }

            // The descriptor's own stamp: a file replaced since the path's statx is kept as what it is now.
            errno = StatxFile(fd, Fields, out var status);
            if (errno != 0)
            {
                return errno;
            }

            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(status.stx_size + 1, 4096, MaxFileBytes));
            try
            {
                errno = ReadAll(fd, ref buffer, out var length);
                if (errno != 0)
                {
                    return errno;
                }

                var truncated = length == MaxFileBytes;
                entry = new Entry(FileStamp.Of(status), PasswdParser.ParseNames(buffer.AsSpan(0, length), truncated));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            var identity = FileIdentity.Of(status);
            if (_files.Count >= MaxFiles && !_files.ContainsKey(identity))
            {
                _files.Clear();
            }

            _files[identity] = entry;
            Interlocked.Increment(ref _reads);
            return 0;
        }
    }

    /// <summary>Reads to the end of the file or <see cref="MaxFileBytes"/>, growing the buffer as needed.</summary>
    private static int ReadAll(SafeFileDescriptor fd, ref byte[] buffer, out int length)
    {
        length = 0;
        while (length < MaxFileBytes)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxFileBytes));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var errno = Interop.Libc.Read(fd, buffer.AsSpan(length, Math.Min(buffer.Length, MaxFileBytes) - length), out var read);
            if (errno != 0 || read == 0)
            {
                return errno;
            }

            length += read;
        }

        return 0;
    }

    private readonly record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode)
    {
        public static FileIdentity Of(in Statx status) => new(status.stx_dev_major, status.stx_dev_minor, status.stx_ino);
    }

    private readonly record struct FileStamp(long ModifiedSeconds, uint ModifiedNanoseconds, long ChangedSeconds, uint ChangedNanoseconds, ulong Size)
    {
        public static FileStamp Of(in Statx status) => new(
            status.stx_mtime.tv_sec, status.stx_mtime.tv_nsec, status.stx_ctime.tv_sec, status.stx_ctime.tv_nsec, status.stx_size);
    }

    private sealed record Entry(FileStamp Stamp, Dictionary<uint, string> Names);
}
