namespace Tracing.Ports;

/// <summary>Which facts the tracer needs, so a source may filter them before they reach user space.</summary>
[Flags]
public enum KernelEventInterest
{
    /// <summary>Process creation.</summary>
    Fork = 1,

    /// <summary>Exec.</summary>
    Exec = 2,

    /// <summary>Exit.</summary>
    Exit = 4,

    /// <summary>Everything the process model needs: <see cref="Fork"/>, <see cref="Exec"/> and <see cref="Exit"/>.</summary>
    All = Fork | Exec | Exit,

    /// <summary>
    /// Execs that failed (<see cref="KernelEventKind.ExecFailed"/>). Not in <see cref="All"/>: asked by name, and a
    /// source that cannot see them refuses a start that asks (see <see cref="IKernelEventSource.Supports"/>).
    /// </summary>
    FailedExec = 8,

    /// <summary>
    /// Not a fact but a pace: the tracer reads each exec'ing process right after its exec (its executable, working
    /// directory, environment), which a process that ends soon takes with it; a source that batches deliveries to save
    /// wake-ups delivers each at once instead. Without it, a source may hold events for a few milliseconds.
    /// </summary>
    Prompt = 16,
}
