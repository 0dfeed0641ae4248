using System.Collections.Concurrent;
using Tracing.OpenTelemetry.Export;

namespace Tracing.OpenTelemetry.Tests.Export;

public sealed class ExportGateTests
{
    private readonly ConcurrentQueue<(ExportLoss Loss, long Count)> _told = new();

    private ExportGate Gate(int capacity) => new(capacity, (loss, count) => _told.Enqueue((loss, count)));

    [Fact]
    public void It_admits_up_to_its_capacity_and_refuses_and_counts_beyond()
    {
        var gate = Gate(3);

        bool[] admitted = [.. Enumerable.Range(0, 5).Select(_ => gate.TryAdmit())];

        Assert.Equal([true, true, true, false, false], admitted);
        Assert.Equal(3, gate.InFlight);
        Assert.Equal(2, gate.QueueFull);
        Assert.Equal([(ExportLoss.QueueFull, 1L), (ExportLoss.QueueFull, 1L)], _told);
    }

    [Fact]
    public void An_export_frees_its_items_room_and_counts_them_exported_or_failed()
    {
        var gate = Gate(3);
        for (var i = 0; i < 3; i++)
        {
            gate.TryAdmit();
        }

        gate.OnExported(2, succeeded: true);
        Assert.Equal(1, gate.InFlight);
        Assert.Equal(2, gate.Exported);
        Assert.True(gate.TryAdmit());
        Assert.True(gate.TryAdmit());
        Assert.False(gate.TryAdmit());

        gate.OnExported(3, succeeded: false);

        Assert.Equal(0, gate.InFlight);
        Assert.Equal(3, gate.Failed);
        Assert.Equal(2, gate.Exported);
        Assert.True(gate.Failing);
        Assert.Equal((ExportLoss.Failed, 3L), _told.Last());
    }

    [Fact]
    public void Abandon_counts_what_is_still_queued_as_failed_and_a_later_export_changes_nothing()
    {
        var gate = Gate(10);
        for (var i = 0; i < 4; i++)
        {
            gate.TryAdmit();
        }

        gate.OnExported(1, succeeded: true);
        gate.Abandon();

        Assert.Equal(3, gate.Failed);
        Assert.Equal(0, gate.InFlight);
        Assert.Equal((ExportLoss.Failed, 3L), Assert.Single(_told));

        gate.OnExported(3, succeeded: true);

        Assert.Equal(1, gate.Exported);
        Assert.Equal(3, gate.Failed);
        Assert.Equal(0, gate.InFlight);
        Assert.Single(_told);
    }

    [Fact]
    public void Recovered_is_told_after_a_failure_then_a_success_and_not_for_successes_alone()
    {
        var gate = Gate(10);
        for (var i = 0; i < 6; i++)
        {
            gate.TryAdmit();
        }

        gate.OnExported(1, succeeded: true);
        gate.OnExported(1, succeeded: true);
        Assert.Empty(_told);

        gate.OnExported(2, succeeded: false);
        Assert.True(gate.Failing);
        gate.OnExported(1, succeeded: true);
        gate.OnExported(1, succeeded: true);

        Assert.False(gate.Failing);
        Assert.Equal([(ExportLoss.Failed, 2L), (ExportLoss.Recovered, 0L)], _told);
    }

    [Fact]
    public async Task One_admitting_and_one_exporting_thread_never_have_more_than_its_capacity_queued()
    {
        const int Capacity = 16;
        const int Attempts = 200_000;
        var gate = Gate(Capacity);
        long admitted = 0;
        long released = 0;
        var worst = 0L;
        var done = 0;

        var admitting = Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < Attempts; i++)
                {
                    if (gate.TryAdmit())
                    {
                        var queued = Interlocked.Increment(ref admitted) - Volatile.Read(ref released);
                        worst = Math.Max(worst, Math.Max(queued, gate.InFlight));
                    }
                }

                Volatile.Write(ref done, 1);
            },
            TaskCreationOptions.LongRunning);
        var exporting = Task.Factory.StartNew(
            () =>
            {
                var batch = 1;
                while (Volatile.Read(ref done) == 0 || Volatile.Read(ref released) < Volatile.Read(ref admitted))
                {
                    var ready = Volatile.Read(ref admitted) - Volatile.Read(ref released);
                    var count = Math.Min(ready, batch++ % 5 + 1);
                    if (count > 0)
                    {
                        // Counted as released before the gate frees their room: the test's count never lags the gate's.
                        Interlocked.Add(ref released, count);
                        gate.OnExported(count, succeeded: count % 2 == 0);
                    }
                }
            },
            TaskCreationOptions.LongRunning);

        await Task.WhenAll(admitting, exporting).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.InRange(worst, 1, Capacity);
        Assert.Equal(0, gate.InFlight);
        Assert.Equal(admitted, gate.Exported + gate.Failed);
        Assert.Equal(Attempts - admitted, gate.QueueFull);
        Assert.True(gate.QueueFull > 0, "the exporter never fell behind: the test proved nothing");
    }
}
