using System.Globalization;
using CsCheck;
using Tracing.Linux.CnProc;
using Tracing.Ports;
using Tracing.Tests.Fuzzing;
using Xunit.Abstractions;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>
/// Property tests of <see cref="CnProcMessageReader"/> and <see cref="CnProcEventMapper"/> against
/// <see cref="CnProcReference"/>, on valid buffers and on hostile ones mutated from every fixture.
/// CI: a fixed seed and the counts below; <c>TRACING_FUZZ_ITERATIONS=N</c> for a long run (docs/reliability.md).
/// </summary>
public class CnProcReaderProperties(ITestOutputHelper output)
{
    // CI counts: each property takes well under 5 s on 2 cores.
    private const long ValidCiIterations = 50_000;
    private const long HostileCiIterations = 200_000;
    private const long RandomCiIterations = 100_000;

    [Fact]
    public void Every_fixture_decodes_as_the_reference_model_says()
    {
        foreach (var fixture in CnProcGenerators.Fixtures)
        {
            AssertMatchesReference(fixture);
        }
    }

    [Fact]
    public void Valid_buffers_decode_completely_and_equal_the_reference_model()
    {
        Run(CnProcGenerators.ValidBuffer, buffer =>
        {
            var reference = CnProcReference.Decode(buffer);
            Assert.Null(reference.Malformed);
            var reader = AssertMatchesReference(buffer);
            Assert.Equal(CnProcMalformation.None, reader.Malformation);
            Assert.Equal(buffer.Length, reader.Offset);
        }, "0000001dfSk1", ValidCiIterations);
    }

    [Fact]
    public void Hostile_buffers_never_throw_never_overrun_and_equal_the_reference_model()
    {
        Run(CnProcGenerators.HostileBuffer, buffer => AssertMatchesReference(buffer), "0000001dfSn2", HostileCiIterations);
    }

    [Fact]
    public void Random_bytes_never_throw_and_equal_the_reference_model()
    {
        Run(Gen.Byte.Array[0, 400], buffer => AssertMatchesReference(buffer), "0000001dfSq3", RandomCiIterations);
    }

    /// <summary>Reads <paramref name="buffer"/> to its end and checks every message, the stop and the offsets.</summary>
    private static CnProcMessageReader AssertMatchesReference(byte[] buffer)
    {
        var reference = CnProcReference.Decode(buffer);
        var reader = new CnProcMessageReader(buffer);

        // Every message read moves on by at least a header, so this many calls must reach the end.
        var maxReads = (buffer.Length / 16) + 1;
        var count = 0;
        var previousOffset = 0;
        while (true)
        {
            var offsetBefore = reader.Offset;
            var read = reader.TryRead(out var message);
            Assert.InRange(reader.Offset, previousOffset, buffer.Length);
            if (!read)
            {
                Assert.Equal(offsetBefore, reader.Offset);
                break;
            }

            Assert.True(count < reference.Messages.Count, $"message {count} beyond the reference's {reference.Messages.Count}");
            Assert.True(reader.Offset >= offsetBefore + 16, "a message read moved on by less than a header");
            AssertMessage(reference.Messages[count], message);
            count++;
            previousOffset = reader.Offset;
            Assert.True(count <= maxReads, "the reader does not terminate");
        }

        Assert.Equal(reference.Messages.Count, count);
        Assert.Equal(reference.Malformed, reader.FormatMalformation());
        Assert.Equal(reference.StopOffset, reader.Offset);

        // At the end it stays at the end.
        Assert.False(reader.TryRead(out _));
        Assert.Equal(reference.StopOffset, reader.Offset);
        return reader;
    }

    private static void AssertMessage(CnProcReference.Message expected, in CnProcMessage actual)
    {
        Assert.Equal(
            (expected.Len, expected.Type, expected.Flags, expected.Seq, expected.Pid),
            (actual.Header.Length, actual.Header.Type, actual.Header.Flags, actual.Header.Sequence, actual.Header.PortId));
        Assert.Equal(expected.Error is not null, actual.HasError);
        Assert.Equal(expected.Error ?? 0, actual.Error);
        Assert.Equal(expected.Connector is not null, actual.HasConnector);
        if (expected.Connector is { } cn)
        {
            var c = actual.Connector;
            Assert.Equal((cn.Idx, cn.Val, cn.Seq, cn.Ack, cn.Len, cn.Flags), (c.Index, c.Value, c.Sequence, c.Acknowledgement, c.Length, c.Flags));
        }

        Assert.Equal(expected.Event is not null, actual.HasProcEvent);
        if (expected.Event is { } ev)
        {
            AssertEvent(ev, actual.Event);
        }
    }

    private static void AssertEvent(CnProcReference.Event expected, in ProcEvent actual)
    {
        Assert.Equal((expected.What, expected.Cpu, expected.TimestampNs), ((uint)actual.What, actual.Cpu, actual.TimestampNs));

        // Every union member, whatever `what` says: the reader must alias the bytes exactly like C.
        Assert.Equal(expected.Int32At(0), actual.Err);
        Assert.Equal(
            [expected.Int32At(0), expected.Int32At(4), expected.Int32At(8), expected.Int32At(12)],
            new[] { actual.ParentPid, actual.ParentTgid, actual.ChildPid, actual.ChildTgid });
        Assert.Equal(
            [expected.Int32At(0), expected.Int32At(4), expected.Int32At(8), expected.Int32At(12), expected.Int32At(16), expected.Int32At(20)],
            new[] { actual.ProcessPid, actual.ProcessTgid, actual.ExitCode, actual.ExitSignal, actual.ExitParentPid, actual.ExitParentTgid });
        Assert.Equal(
            [(uint)expected.Int32At(8), (uint)expected.Int32At(12), (uint)expected.Int32At(8), (uint)expected.Int32At(12)],
            new[] { actual.Ruid, actual.Euid, actual.Rgid, actual.Egid });
        Assert.Equal(
            [expected.Int32At(8), expected.Int32At(12), expected.Int32At(8), expected.Int32At(12)],
            new[] { actual.TracerPid, actual.TracerTgid, actual.CoredumpParentPid, actual.CoredumpParentTgid });
        Assert.Equal(expected.Data[8..24], actual.Comm.ToArray());
        _ = actual.GetCommName(); // any 16 bytes decode

        AssertMapped(expected, actual);
    }

    /// <summary>The mapper takes the pids from the member <c>what</c> names (cn_proc.md's table) and never throws.</summary>
    private static void AssertMapped(CnProcReference.Event expected, in ProcEvent actual)
    {
        var mapped = CnProcEventMapper.TryToKernelEvent(actual, out var kernelEvent);
        Assert.Equal(unchecked((long)expected.TimestampNs), kernelEvent.TimestampNs);
        int At(int offset) => expected.Int32At(offset);
        var (kind, pid, tgid, parentPid, parentTgid) = expected.What switch
        {
            0x1 => (KernelEventKind.Fork, At(8), At(12), At(0), At(4)),
            0x2 => (KernelEventKind.Exec, At(0), At(4), 0, 0),
            0x4 => (KernelEventKind.Uid, At(0), At(4), 0, 0),
            0x40 or 0x80 or 0x100 => (KernelEventKind.Other, At(0), At(4), 0, 0),
            0x200 => (KernelEventKind.Comm, At(0), At(4), 0, 0),
            0x40000000 => (KernelEventKind.Coredump, At(0), At(4), At(8), At(12)),
            0x80000000 => (KernelEventKind.Exit, At(0), At(4), At(16), At(20)),
            _ => ((KernelEventKind?)null, 0, 0, 0, 0),
        };

        Assert.Equal(kind is not null, mapped);
        if (kind is null)
        {
            return;
        }

        Assert.Equal((kind.Value, pid, tgid, parentPid, parentTgid), (kernelEvent.Kind, kernelEvent.Pid, kernelEvent.Tgid, kernelEvent.ParentPid, kernelEvent.ParentTgid));
        if (kind == KernelEventKind.Exit)
        {
            Assert.Equal((At(8), At(12)), (kernelEvent.ExitCode, kernelEvent.ExitSignal));
        }
    }

    private void Run(Gen<byte[]> gen, Action<byte[]> assert, string seed, long ciIterations)
    {
        var (iterations, elapsed) = FuzzCheck.Run(gen, assert, seed, ciIterations, Convert.ToHexString);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{iterations:N0} buffers in {elapsed.TotalSeconds:0.0} s"));
    }
}
