using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    private delegate bool ContentParser<T>(ReadOnlySpan<byte> content, out T result);

    // stat, status and cgroup fit in one page; cmdline (and environ) usually does and grows when not.
    private const int InitialFileBufferSize = 4096;
    private const int InitialLinkBufferSize = 256;
    private const int StackPathBufferSize = 256;

    // "/" + a pid's digits + the longest file name ("/root/etc/passwd") + NUL.
    private const int MaxPathSuffixLength = 1 + 10 + 16 + 1;

    /// <summary>Reads a whole file into a pooled buffer and parses it; false when the file cannot be read.</summary>
    private bool TryReadFile<T>(int pid, ReadOnlySpan<byte> fileName, ContentParser<T> parse, out T result)
    {
        result = default!;
        if (pid <= 0)
        {
            return false;
        }

        var pathLength = _rootUtf8.Length + MaxPathSuffixLength;
        var path = pathLength <= StackPathBufferSize ? stackalloc byte[StackPathBufferSize] : new byte[pathLength];
        path = path[..WritePath(path, pid, fileName)];

        var buffer = ArrayPool<byte>.Shared.Rent(InitialFileBufferSize);
        var length = 0;

        // The SafeHandle costs 32 bytes and a few tens of nanoseconds against microseconds of open/read/close
        // (see ProcFsReaderBenchmarks); in exchange no path, exception included, can leak the descriptor.
        SafeFileDescriptor? fd = null;
        try
        {
            var errno = Interop.Libc.OpenReadOnly(path, out fd);
            if (errno != 0)
            {
                return FalseOrThrow(errno, "open", path);
            }

            // procfs fills a read as far as the file goes (seq_file files, and cmdline, which copies the argv region
            // page by page within one read): a short read is the end, and saves a read per file on the hot path.
            errno = Interop.Libc.Read(fd, buffer, out length);
            if (errno != 0)
            {
                return FalseOrThrow(errno, "read", path);
            }

            while (length == buffer.Length)
            {
                // Longer than the buffer: read it again whole, in one read from the start. Two reads are two looks at the
                // process, and if it exits between them the second ends the file early, silently: a cut argv would pass
                // for a whole one. One read is one consistent copy; nothing at all means the process went meanwhile.
                Grow(ref buffer, length);
                errno = Interop.Libc.PRead(fd, buffer, 0, out length);
                if (errno != 0)
                {
                    return FalseOrThrow(errno, "read", path);
                }

                if (length == 0)
                {
                    return false;
                }
            }

            return parse(buffer.AsSpan(0, length), out result);
        }
        finally
        {
            fd?.Dispose();

            // argv and environ may hold secrets: leave none of it in the shared pool.
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads a symbolic link's target as the kernel shows it, with its exact bytes when they are not valid UTF-8
    /// (the string then has U+FFFD in their place); false when it cannot be read.
    /// </summary>
    private bool TryReadLink(int pid, ReadOnlySpan<byte> fileName, out string? target, out byte[]? invalidUtf8Bytes)
    {
        target = null;
        invalidUtf8Bytes = null;
        if (pid <= 0)
        {
            return false;
        }

        var pathLength = _rootUtf8.Length + MaxPathSuffixLength;
        var path = pathLength <= StackPathBufferSize ? stackalloc byte[StackPathBufferSize] : new byte[pathLength];
        path = path[..WritePath(path, pid, fileName)];

        Span<byte> buffer = stackalloc byte[InitialLinkBufferSize];
        byte[]? rented = null;
        try
        {
            while (true)
            {
                var errno = Interop.Libc.ReadLink(path, buffer, out var length);
                if (errno != 0)
                {
                    return FalseOrThrow(errno, "readlink", path);
                }

                // A result that fills the buffer may be cut short: grow until it fits.
                if (length < buffer.Length)
                {
                    var bytes = buffer[..length];
                    target = Encoding.UTF8.GetString(bytes);
                    invalidUtf8Bytes = Utf8.IsValid(bytes) ? null : bytes.ToArray();
                    return true;
                }

                // Links hold at most PATH_MAX (4096) bytes; procfs names (a socket's, a deleted file's) can add a little.
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 4, 4096));
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }

                rented = larger;
                buffer = larger;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes <c>root/pid/fileName</c> and a NUL; returns the length including the NUL.</summary>
    private int WritePath(Span<byte> destination, int pid, ReadOnlySpan<byte> fileName)
    {
        _rootUtf8.CopyTo(destination);
        var length = _rootUtf8.Length;
        destination[length++] = (byte)'/';
        pid.TryFormat(destination[length..], out var digits, provider: CultureInfo.InvariantCulture);
        length += digits;
        fileName.CopyTo(destination[length..]);
        length += fileName.Length;
        destination[length++] = 0;
        return length;
    }

    private static void Grow(ref byte[] buffer, int used)
    {
        // A file past its first page is a long argv: take big steps. It is read again from its start: nothing to copy.
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 8, 256 * 1024));
        buffer.AsSpan(0, used).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
