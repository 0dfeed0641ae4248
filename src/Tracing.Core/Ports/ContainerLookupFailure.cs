namespace Tracing.Ports;

/// <summary>Why a container could not be looked up.</summary>
public enum ContainerLookupFailure
{
    /// <summary>No engine could be asked: no socket, a refused connection, or no answer in time.</summary>
    NoEngine,

    /// <summary>An id prefix matches more than one container.</summary>
    Ambiguous,

    /// <summary>An engine answered, with an error or an answer that could not be read.</summary>
    EngineError,

    /// <summary>No engine, and no process on the machine, knows a container by that name or id.</summary>
    NotFound,

    /// <summary>The container exists but does not run.</summary>
    NotRunning,
}
