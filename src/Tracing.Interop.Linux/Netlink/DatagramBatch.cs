using System.Runtime.InteropServices;
using static Interop.Libc;

namespace Tracing.Linux.Netlink;

/// <summary>
/// Native memory for <c>recvmmsg</c>: a slot per datagram, so one syscall takes every queued event. Owned by the
/// receive thread; never touched by another.
/// </summary>
internal sealed unsafe class DatagramBatch : IDisposable
{
    /// <summary>How many datagrams one receive can take.</summary>
    public const int Slots = 32;

    /// <summary>The room for one datagram; cn_proc's are 76 bytes.</summary>
    public const int SlotBytes = 2048;

    private readonly byte* _buffer;
    private readonly MMsgHdr* _headers;
    private readonly IoVec* _vectors;

    public DatagramBatch()
    {
        _buffer = (byte*)NativeMemory.AllocZeroed(Slots * SlotBytes);
        _headers = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Slots * sizeof(MMsgHdr)));
        _vectors = (IoVec*)NativeMemory.AllocZeroed((nuint)(Slots * sizeof(IoVec)));
        for (var i = 0; i < Slots; i++)
        {
            _vectors[i] = new IoVec { iov_base = _buffer + (i * SlotBytes), iov_len = SlotBytes };
            _headers[i].msg_hdr.msg_iov = &_vectors[i];
            _headers[i].msg_hdr.msg_iovlen = 1;
        }
    }

    /// <summary>How many datagrams the last receive took.</summary>
    public int Count { get; private set; }

    /// <summary>One received datagram.</summary>
    public ReadOnlySpan<byte> this[int index] =>
        new(_buffer + (index * SlotBytes), (int)Math.Min(_headers[index].msg_len, SlotBytes));

    /// <summary>Receives what is queued, without blocking; returns 0 or the errno (EAGAIN when nothing was).</summary>
    public int Receive(SafeFileDescriptor socket)
    {
        var errno = RecvMmsgNonBlocking(socket, _headers, Slots, out var received);
        Count = received;
        return errno;
    }

    /// <summary>Puts a made-up datagram in the first slot, as if a receive had taken it alone (for the warm-up).</summary>
    public void Hold(ReadOnlySpan<byte> datagram)
    {
        datagram.CopyTo(new Span<byte>(_buffer, SlotBytes));
        _headers[0].msg_len = (uint)datagram.Length;
        Count = 1;
    }

    public void Dispose()
    {
        NativeMemory.Free(_buffer);
        NativeMemory.Free(_headers);
        NativeMemory.Free(_vectors);
    }
}
