using System.Text;

namespace Tracing.Linux.Bpf.Maps;

/// <summary>
/// An eBPF map (bpf(BPF_MAP_CREATE)): its fd, which a program references (<see cref="Assembly.BpfAssembler.LoadMapFd(Assembly.BpfRegister, SafeFileDescriptor)"/>)
/// and which holds the map until disposed, and its shape. Elements are read and written as bytes, as the kernel
/// sees them.
/// </summary>
internal sealed class BpfMap : IDisposable
{
    private BpfMap(SafeFileDescriptor fd, BpfMapType type, uint keySize, uint valueSize, uint maxEntries)
    {
        Fd = fd;
        Type = type;
        KeySize = keySize;
        ValueSize = valueSize;
        MaxEntries = maxEntries;
    }

    /// <summary>The map's fd.</summary>
    public SafeFileDescriptor Fd { get; }

    public BpfMapType Type { get; }

    public uint KeySize { get; }

    public uint ValueSize { get; }

    public uint MaxEntries { get; }

    /// <summary>
    /// The bytes a lookup writes and an update reads: the value size, or for a per-CPU map the value size rounded up to
    /// 8 for each possible CPU (<see cref="PossibleCpus"/>).
    /// </summary>
    public int ValueBufferSize => Type == BpfMapType.PerCpuArray ? (int)((ValueSize + 7) & ~7u) * PossibleCpus.Count : (int)ValueSize;

    /// <summary>Creates a map named <paramref name="name"/> (at most 15 of A–Z, a–z, 0–9, '_', '.'; shown by bpftool).</summary>
    /// <exception cref="ArgumentException">The name is too long or has a character the kernel refuses.</exception>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_BPF (and RLIMIT_MEMLOCK before 5.11).</exception>
    /// <exception cref="IOException">The kernel refused the map (e.g. EINVAL for a shape its type does not take).</exception>
    public static BpfMap Create(BpfMapType type, string name, uint keySize, uint valueSize, uint maxEntries, uint flags = 0)
    {
        var attr = new Interop.Libc.BpfMapCreateAttr
        {
            map_type = (uint)type,
            key_size = keySize,
            value_size = valueSize,
            max_entries = maxEntries,
            map_flags = flags,
        };
        WriteName(name, attr.map_name);
        var errno = Interop.Libc.BpfMapCreate(attr, out var fd);
        if (errno != 0)
        {
            fd.Dispose();
            throw Interop.GetExceptionForBpfErrno(errno, $"Creating the eBPF map '{name}' ({type})", locksMemory: true);
        }

        return new BpfMap(fd, type, keySize, valueSize, maxEntries);
    }

    /// <summary>
    /// Copies the value at <paramref name="key"/> into <paramref name="value"/>; false when there is none (ENOENT).
    /// </summary>
    /// <exception cref="ArgumentException">A span is not the map's key size, or <paramref name="value"/> is not <see cref="ValueBufferSize"/>.</exception>
    /// <exception cref="IOException">The kernel refused the lookup.</exception>
    public bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value)
    {
        CheckSizes(key, value);
        var errno = Interop.Libc.BpfMapElem(Interop.Libc.BPF_MAP_LOOKUP_ELEM, Fd, key, value, 0);
        if (errno == Interop.Errno.ENOENT)
        {
            return false;
        }

        Interop.ThrowIfBpfError(errno, $"Looking up an element of the eBPF map ({Type})");
        return true;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="key"/> (BPF_ANY: made or replaced).</summary>
    /// <exception cref="ArgumentException">A span is not the map's key size, or <paramref name="value"/> is not <see cref="ValueBufferSize"/>.</exception>
    /// <exception cref="IOException">The kernel refused the update (E2BIG: a full hash map; EINVAL: an index out of an array).</exception>
    public void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        CheckSizes(key, value);
        var errno = Interop.Libc.BpfMapElem(Interop.Libc.BPF_MAP_UPDATE_ELEM, Fd, key, value, Interop.Libc.BPF_ANY);
        Interop.ThrowIfBpfError(errno, $"Updating an element of the eBPF map ({Type})");
    }

    /// <summary>Closes the fd: the kernel frees the map once no program holds it.</summary>
    public void Dispose() => Fd.Dispose();

    /// <summary>Writes a map or program name into its NUL-terminated char[16], as the kernel accepts it.</summary>
    internal static void WriteName(string name, Span<byte> destination)
    {
        if (name.Length >= destination.Length)
        {
            throw new ArgumentException($"An eBPF object's name is at most {destination.Length - 1} characters: '{name}'.", nameof(name));
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '.')
            {
                throw new ArgumentException($"An eBPF object's name takes only A-Z, a-z, 0-9, '_' and '.': '{name}'.", nameof(name));
            }
        }

        Encoding.ASCII.GetBytes(name, destination);
    }

    private void CheckSizes(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"The key is {key.Length} bytes; the map's keys are {KeySize}.", nameof(key));
        }

        if (value.Length != ValueBufferSize)
        {
            throw new ArgumentException($"The value is {value.Length} bytes; the map's take {ValueBufferSize}.", nameof(value));
        }
    }
}
