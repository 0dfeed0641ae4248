namespace Tracing.Kernel.Tests.Shapes;

/// <summary>Where the tracer looks for a shape.</summary>
public enum ShapeScope
{
    /// <summary>The tracer runs the shape's driver as its command (<c>exectrace -- CMD</c>).</summary>
    RunCommand,

    /// <summary>The driver exists before tracing starts, and is the root (<c>exectrace -p PID</c>).</summary>
    ProcessTree,

    /// <summary>Every process on the machine, with exits (<c>exectrace -t</c>).</summary>
    Machine,

    /// <summary>Every process on the machine, execs only (<c>exectrace</c>, the default: parents from the fork ledger).</summary>
    MachineExecs,
}
