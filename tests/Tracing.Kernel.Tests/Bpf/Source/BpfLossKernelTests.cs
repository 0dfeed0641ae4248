using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Kernel.Tests.Shapes;
using Tracing.Linux;
using Tracing.Linux.Bpf.Source;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>The eBPF ring's losses, counted exactly: a one-page ring, its reader held while a burst of execs runs.</summary>
public class BpfLossKernelTests
{
    private const int Burst = 200;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_exec_of_a_burst_that_overflows_the_ring_is_delivered_or_counted_as_lost_exactly()
    {
        var marker = KernelTracer.NewMarker();
        HeldEventSource? held = null;

        // The smallest ring the kernel takes (one page), set on the source directly: the options' validation wants 64 KiB.
        await using var tracer = new KernelTracer(
            ExecTraceFilter.Everything,
            includeExits: false,
            services: s => s.AddSingleton<IKernelEventSource>(_ => held = new HeldEventSource(new BpfEventSource(new BpfSourceOptions { RingBufferBytes = 4096, WakeupDelay = TimeSpan.Zero }))));
        await tracer.Tracer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("tracing-execs-loss-").FullName;
        try
        {
            Assert.True(held!.HoldNext(s_timeout, () => Run("/bin/true")), "no event reached the held receive thread");
            ExecsRecord record;
            try
            {
                Run(ExecsProgram.Path, "burst", Path.Combine(folder, "record"), folder, marker, Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
                record = ExecsRecord.Read(Path.Combine(folder, "record"));
            }
            finally
            {
                held.Release();
            }

            // The first drain after the release reports the loss. A sentinel read after it has every record before it
            // read; in a ring this small the machine's own execs may crowd a sentinel out too, so another follows then.
            Assert.True(await tracer.WaitForAsync(e => e is EventsLostEvent, s_timeout), "the overflow was not counted");
            var seen = false;
            for (var attempt = 0; attempt < 5 && !seen; attempt++)
            {
                var sentinel = $"sentinel-{attempt}-{marker}";
                Run("/bin/true", sentinel);
                seen = await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Count == 2 && x.Arguments.Strings[1] == sentinel, s_timeout / 5);
            }

            Assert.True(seen, "no sentinel's exec was reported");
            await tracer.Tracer.StopAsync();

            Assert.Equal(Burst, record.Premises["burst"]);
            var delivered = tracer.Execs.Count(e => e.Arguments.Count == 2 && e.Arguments.Strings[0] == "/bin/true" && e.Arguments.Strings[1] == marker);
            var losses = tracer.Events.OfType<EventsLostEvent>().Where(e => e.Reason == LossReason.KernelBufferOverflow).ToList();
            var lost = losses.Sum(e => e.Count);
            Assert.True(lost > 0, $"nothing was lost ({delivered} of {Burst} delivered): not the run intended");
            Assert.All(losses, e => Assert.True(e.IsExact));
            Assert.True(delivered <= Burst, $"{delivered} execs delivered of {Burst}");
            // Lost records have no identity: the burst's execs are among them, with whatever else ran meanwhile.
            Assert.True(delivered + lost >= Burst, $"{delivered} delivered and {lost} lost of {Burst}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        process.WaitForExit();
    }
}
