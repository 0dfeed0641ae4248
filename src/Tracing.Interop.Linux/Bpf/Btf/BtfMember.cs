namespace Tracing.Linux.Bpf.Btf;

/// <summary>Where a struct's member is and how much a program reads there.</summary>
/// <param name="Offset">Its offset from the start of the outermost struct, in bytes (nested and anonymous levels summed).</param>
/// <param name="Size">
/// The size of its type, in bytes, resolved through typedef, const, volatile, restrict and type tags; a pointer's is the
/// kernel's pointer size (8 on a 64-bit kernel).
/// </param>
internal readonly record struct BtfMember(int Offset, int Size);
