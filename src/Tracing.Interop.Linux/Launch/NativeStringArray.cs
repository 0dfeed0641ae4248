using System.Runtime.InteropServices;

namespace Tracing.Linux.Launch;

/// <summary>
/// A C <c>char*[]</c> in native memory: each entry's bytes and a NUL, then a NULL pointer, as <c>execve</c> takes
/// argv and envp. Freed on dispose.
/// </summary>
internal sealed unsafe class NativeStringArray : IDisposable
{
    private readonly byte** _pointers;
    private readonly int _count;

    public NativeStringArray(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        _count = entries.Count;
        _pointers = (byte**)NativeMemory.AllocZeroed((nuint)(_count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < _count; i++)
        {
            var entry = entries[i].Span;
            var copy = (byte*)NativeMemory.Alloc((nuint)entry.Length + 1);
            entry.CopyTo(new Span<byte>(copy, entry.Length));
            copy[entry.Length] = 0;
            _pointers[i] = copy;
        }
    }

    /// <summary>The array, NULL-terminated.</summary>
    public byte** Pointers => _pointers;

    public void Dispose()
    {
        for (var i = 0; i < _count; i++)
        {
            NativeMemory.Free(_pointers[i]);
        }

        NativeMemory.Free(_pointers);
    }
}
