using System.Runtime.CompilerServices;
using Tracing.Compilation;
using Tracing.Events;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>
/// The tracer's part of the one warm-up step: the source runs it on its receive thread, after warming its own
/// parsing, through <see cref="IKernelEventSink.Prepare"/>. Runs a sink's receive path once on made-up events, on the receive thread before the subscription opens, so the
/// first real exec does not wait for the JIT while the process it is about exits (a /bin/true lives for well under a
/// millisecond), then the warm-ups of the inline subscribers. Nothing it makes is delivered or counted.
/// </summary>
internal static class SinkWarmUp
{
    // A pid no process can have (pid_max is at most 2^22), forked from the root and gone again.
    private const int Phantom = int.MaxValue - 1;

    public static void Run(SessionSink sink, TracerContext context)
    {
        var self = context.Reader.CurrentProcessId;
        // The conditions' reads and tests too, on this process (whether it matches does not matter).
        sink.Facts.Begin(self);
        _ = sink.Conditions.Test(sink.Facts);
        _ = sink.Execs.Read(new KernelEvent { Kind = KernelEventKind.Exec, Pid = self, Tgid = self }, ParentOf.Unknown, sink.Facts);

        // And the way an exec that finds the session busy takes: read ahead, then read taking what was read ahead.
        sink.Execs.ReadAhead(self, null);
        sink.Facts.Begin(self);
        sink.Execs.LendReadAhead(self, sink.Facts);
        _ = sink.Execs.Read(new KernelEvent { Kind = KernelEventKind.Exec, Pid = self, Tgid = self }, ParentOf.Unknown, sink.Facts);
        sink.Execs.DropReadAhead();
        context.Reader.TryReadCgroups(self, out _);
        sink.Execs.WarmUp();
        _ = sink.Filter.Admit(self, context.Reader);

        var parent = sink.Tree?.RootPid ?? self;
        var now = context.Clock.NowNanoseconds;
        sink.WarmingUp = true;
        try
        {
            sink.OnEvent(new KernelEvent { Kind = KernelEventKind.Fork, Pid = Phantom, Tgid = Phantom, ParentPid = parent, ParentTgid = parent, TimestampNs = now });
            sink.OnEvent(new KernelEvent { Kind = KernelEventKind.Fork, Pid = Phantom + 1, Tgid = Phantom, ParentPid = parent, ParentTgid = parent, TimestampNs = now });
            sink.OnEvent(new KernelEvent { Kind = KernelEventKind.Exit, Pid = Phantom + 1, Tgid = Phantom, ExitSignal = -1, TimestampNs = now });
            sink.OnEvent(new KernelEvent { Kind = KernelEventKind.Exec, Pid = Phantom, Tgid = Phantom, TimestampNs = now });

            // A failed exec, when asked: the first real one comes right before the exec that succeeds (a shell's search
            // of PATH), and compiling its path then made that exec wait until its process was gone.
            if (context.Options.IncludeFailedExecs)
            {
                sink.OnEvent(new KernelEvent
                {
                    Kind = KernelEventKind.ExecFailed, Pid = Phantom, Tgid = Phantom, TimestampNs = now,
                    Capture = new ExecCapture { Path = "/phantom"u8.ToArray(), Errno = 2, ErrorName = "ENOENT", Arguments = ProcessArguments.FromStrings(["phantom"]) },
                });
                _ = FailedExecEvents.WouldBeCommandName("/phantom"u8);
            }

            // Through the interface, as the source calls it (that is a method of its own to compile).
#pragma warning disable CA1859 // The interface call is the point: it is how the source calls, and what must be compiled.
            IKernelEventSink asSource = sink;
#pragma warning restore CA1859
            asSource.OnEvent(new KernelEvent { Kind = KernelEventKind.Exit, Pid = Phantom, Tgid = Phantom, ParentPid = parent, ParentTgid = parent, TimestampNs = now });
        }
        finally
        {
            sink.WarmingUp = false;
        }

        // Compiles the metrics path without recording anything: a loss notice is not a delivered event.
        context.Metrics.Delivered(new EventsLostEvent(), -1);

        // What the first real event runs on this thread and the made-up ones may not (they are never published),
        // compiled without a call. The metrics' recording runs on a pool thread, not here.
        AheadOfFirstCall.Compile(typeof(ContainerNaming), "Publish", "Named");
        AheadOfFirstCall.Compile(typeof(EventDelivery), "Publish", "CountDropped");
        AheadOfFirstCall.Compile(typeof(ExecTracerMetrics), "Delivered", "Defer");
        AheadOfFirstCall.Compile(typeof(SubscriberList), "get_InlineHandlers", "get_Readers", "get_Callbacks");
        context.Metrics.WarmUpQueue();

        // The seeding, run once outside the session on a tree of this process's own: the real one, right after the
        // subscription, holds the session while it runs, and held it 5 to 8 ms compiling itself (its LINQ and lambdas
        // are not compiled by a PrepareMethod). Native AOT has nothing to compile.
        if (sink.Tree is not null && RuntimeFeature.IsDynamicCodeCompiled)
        {
            new ProcessTableSeeder(context.Reader, new Lock()).Seed(new ProcessTree(self), self, includesExisting: false);
        }

        // Last, what the subscribers run on this thread.
        sink.Delivery.WarmUpInlineHandlers();
    }
}
