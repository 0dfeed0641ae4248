using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace Tracing.Linux.CnProc;

/// <content>The members of the <c>event_data</c> union, by their C names.</content>
internal readonly partial struct ProcEvent
{
    private const int CommLength = 16;

    /// <summary>Where <c>process_pid</c> sits in the union, for every member but <c>fork</c> and <c>ack</c>.</summary>
    internal const int ProcessPidOffset = 0;

    /// <summary>Where <c>process_tgid</c> sits in the union.</summary>
    internal const int ProcessTgidOffset = 4;

    /// <summary>Where <c>fork.child_pid</c> sits in the union.</summary>
    internal const int ChildPidOffset = 8;

    /// <summary>Where <c>fork.child_tgid</c> sits in the union.</summary>
    internal const int ChildTgidOffset = 12;

    /// <summary><c>ack.err</c> (NONE): the subscription's result, 0 or an errno.</summary>
    public int Err => ReadInt32(0);

    /// <summary><c>fork.parent_pid</c>: for a thread, the thread's process's parent, not the creating thread.</summary>
    public int ParentPid => ReadInt32(0);

    /// <summary><c>fork.parent_tgid</c>.</summary>
    public int ParentTgid => ReadInt32(4);

    /// <summary><c>fork.child_pid</c>: the new thread id.</summary>
    public int ChildPid => ReadInt32(ChildPidOffset);

    /// <summary><c>fork.child_tgid</c>: the new thread's process; differs from <see cref="ChildPid"/> for a thread.</summary>
    public int ChildTgid => ReadInt32(ChildTgidOffset);

    /// <summary><c>process_pid</c> of EXEC, UID, GID, SID, PTRACE, COMM, COREDUMP and EXIT.</summary>
    public int ProcessPid => ReadInt32(ProcessPidOffset);

    /// <summary><c>process_tgid</c> of EXEC, UID, GID, SID, PTRACE, COMM, COREDUMP and EXIT.</summary>
    public int ProcessTgid => ReadInt32(ProcessTgidOffset);

    /// <summary><c>id.r.ruid</c> (UID).</summary>
    public uint Ruid => ReadUInt32(8);

    /// <summary><c>id.e.euid</c> (UID).</summary>
    public uint Euid => ReadUInt32(12);

    /// <summary><c>id.r.rgid</c> (GID).</summary>
    public uint Rgid => ReadUInt32(8);

    /// <summary><c>id.e.egid</c> (GID).</summary>
    public uint Egid => ReadUInt32(12);

    /// <summary><c>ptrace.tracer_pid</c> (PTRACE).</summary>
    public int TracerPid => ReadInt32(8);

    /// <summary><c>ptrace.tracer_tgid</c> (PTRACE).</summary>
    public int TracerTgid => ReadInt32(12);

    /// <summary><c>exit.exit_code</c> (EXIT): the wait status, e.g. 768 for <c>exit 3</c>, 11 for SIGSEGV.</summary>
    public int ExitCode => ReadInt32(8);

    /// <summary><c>exit.exit_signal</c> (EXIT): the signal sent to the parent, -1 for a thread.</summary>
    public int ExitSignal => ReadInt32(12);

    /// <summary><c>exit.parent_pid</c> (EXIT; 0 for a thread).</summary>
    public int ExitParentPid => ReadInt32(16);

    /// <summary><c>exit.parent_tgid</c> (EXIT).</summary>
    public int ExitParentTgid => ReadInt32(20);

    /// <summary><c>coredump.parent_pid</c> (COREDUMP).</summary>
    public int CoredumpParentPid => ReadInt32(8);

    /// <summary><c>coredump.parent_tgid</c> (COREDUMP).</summary>
    public int CoredumpParentTgid => ReadInt32(12);

    /// <summary><c>comm.comm</c> (COMM): the raw 16 bytes, NUL-padded.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Comm => ((ReadOnlySpan<byte>)event_data).Slice(8, CommLength);

    /// <summary><c>comm.comm</c> (COMM) up to its first NUL, decoded as UTF-8. Allocates.</summary>
    public string GetCommName()
    {
        var comm = Comm;
        var end = comm.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? comm : comm[..end]);
    }

    private int ReadInt32(int offset) => MemoryMarshal.Read<int>(((ReadOnlySpan<byte>)event_data)[offset..]);

    private uint ReadUInt32(int offset) => MemoryMarshal.Read<uint>(((ReadOnlySpan<byte>)event_data)[offset..]);
}
