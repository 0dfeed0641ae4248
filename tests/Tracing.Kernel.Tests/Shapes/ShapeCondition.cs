namespace Tracing.Kernel.Tests.Shapes;

/// <summary>What else happens while the shape runs.</summary>
public enum ShapeCondition
{
    /// <summary>Nothing the test makes.</summary>
    Quiet,

    /// <summary>A shell loop execs <c>/bin/true</c> outside the shape, as fast as it can, all along.</summary>
    Storm,

    /// <summary>Before the shape starts, the kernel dropped events (the receive thread was held during a burst) and the tracer resynchronised.</summary>
    AfterLoss,
}
