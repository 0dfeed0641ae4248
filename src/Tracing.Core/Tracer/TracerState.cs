namespace Tracing.Tracer;

/// <summary>Where a tracer is in its life.</summary>
public enum TracerState
{
    /// <summary>Not started, or stopped and ready to start again.</summary>
    Stopped = 0,

    /// <summary>Opening its subscription.</summary>
    Starting = 1,

    /// <summary>Delivering events.</summary>
    Running = 2,

    /// <summary>Shutting down.</summary>
    Stopping = 3,

    /// <summary>Disposed.</summary>
    Disposed = 4,
}
