using System.Buffers.Binary;
using NSubstitute;
using Tracing.Darwin.Sysctl;

namespace Tracing.Darwin.Tests;

/// <summary>
/// An <see cref="ISysctl"/> substitute that answers as XNU does (docs/reference/darwin.md §2-4): KERN_PROC_ALL with size
/// queries, 5 records of slack and ENOMEM with a partial copy; KERN_PROC_PID; KERN_PROCARGS2; kern.argmax.
/// </summary>
internal sealed class FakeKernel
{
    public const int ArgMax = 1024 * 1024;
    private const int Einval = 22;
    private const int Enomem = 12;

    public FakeKernel()
    {
        Sysctl = Substitute.For<ISysctl>();
        Sysctl.Read(Arg.Any<int[]>(), Arg.Any<byte[]?>(), Arg.Any<int>()).Returns(call => Answer(call.ArgAt<int[]>(0), call.ArgAt<byte[]?>(1), call.ArgAt<int>(2)));
    }

    public ISysctl Sysctl { get; }

    /// <summary>What KERN_PROC_ALL and KERN_PROC_PID see.</summary>
    public byte[] Table { get; set; } = [];

    /// <summary>KERN_PROCARGS2 answers by pid; other pids get EINVAL.</summary>
    public Dictionary<int, byte[]> Arguments { get; } = [];

    /// <summary>Processes forked between a size query and the read that follows, once each (to provoke ENOMEM).</summary>
    public Queue<int> GrowthAfterSizeQuery { get; } = new();

    public int SizeQueries { get; private set; }

    private SysctlResult Answer(int[] name, byte[]? buffer, int length) => name switch
    {
        [1, 14, 0] => ProcAll(buffer, length),
        [1, 14, 1, var pid] => ProcPid(pid, buffer!),
        [1, 49, var pid] => ProcArgs(pid, buffer!, length),
        [1, 8] => ArgMaxAnswer(buffer!),
        _ => new SysctlResult(Einval, 0),
    };

    private SysctlResult ProcAll(byte[]? buffer, int length)
    {
        if (buffer is null)
        {
            SizeQueries++;
            var size = Table.Length + (5 * 648);
            if (GrowthAfterSizeQuery.TryDequeue(out var records))
            {
                Table = [.. Table, .. new byte[records * 648].Select((_, i) => i % 648 == 40 ? (byte)1 : (byte)0)];
            }

            return new SysctlResult(0, size);
        }

        var fit = Math.Min(Table.Length, length / 648 * 648);
        Table.AsSpan(0, fit).CopyTo(buffer);
        return new SysctlResult(fit < Table.Length ? Enomem : 0, fit);
    }

    private SysctlResult ProcPid(int pid, byte[] buffer)
    {
        for (var offset = 0; offset < Table.Length; offset += 648)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(Table.AsSpan(offset + 40)) == pid)
            {
                Table.AsSpan(offset, 648).CopyTo(buffer);
                return new SysctlResult(0, 648);
            }
        }

        // A pid that does not exist: success with nothing written.
        return new SysctlResult(0, 0);
    }

    private SysctlResult ProcArgs(int pid, byte[] buffer, int length)
    {
        if (length < 5 || length > ArgMax + 4 || !Arguments.TryGetValue(pid, out var blob))
        {
            return new SysctlResult(Einval, 0);
        }

        blob.AsSpan(0, Math.Min(blob.Length, length)).CopyTo(buffer);
        return new SysctlResult(0, Math.Min(blob.Length, length));
    }

    private static SysctlResult ArgMaxAnswer(byte[] buffer)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer, ArgMax);
        return new SysctlResult(0, 4);
    }
}
