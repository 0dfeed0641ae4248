using System.Diagnostics;
using Tracing.Linux;
using Tracing.Linux.Netlink;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>
/// A starting source hears one event from every CPU it may run on (its own thread's COMM, sent from each in turn), so
/// that a loss on a CPU it has not heard from yet is still counted; it never delivers those COMM events.
/// </summary>
public class SequencePrimerTests
{
    [Fact]
    public async Task An_unfiltered_source_sends_one_comm_per_cpu_and_delivers_none_of_them()
    {
        var observer = new RecordingSink();
        await using var watching = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await watching.StartAsync(observer, KernelEventInterest.All, CancellationToken.None);

        // Both receive threads are named when they start (one COMM each); only the unfiltered one counts gaps and primes.
        await using var filtered = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await filtered.StartAsync(new RecordingSink(), KernelEventInterest.Exec, CancellationToken.None);
        Assert.True(filtered.KernelFilterRequested);
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.All, CancellationToken.None);

        // An exec after the start: once both have delivered it, each has read past the priming.
        using var process = Process.Start(new ProcessStartInfo("/bin/true", ["tracing-primer"]))!;
        await process.WaitForExitAsync();
        Assert.NotNull(await observer.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == process.Id));
        Assert.NotNull(await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == process.Id));

        var seen = observer.Snapshot();
        int Renames(ProcConnectorEventSource of) => seen.Count(e => e.Kind == KernelEventKind.Comm && e.Pid == of.ReceiveThreadId && e.Tgid == Environment.ProcessId);
        Assert.Equal(AllowedCpus.Read().Count, Renames(source) - Renames(filtered));
        Assert.DoesNotContain(sink.Snapshot(), e => e.Kind == KernelEventKind.Comm && e.Pid == source.ReceiveThreadId);
    }
}
