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

    /// <summary>Everything.</summary>
    All = Fork | Exec | Exit,
}
