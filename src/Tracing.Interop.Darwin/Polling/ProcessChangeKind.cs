namespace Tracing.Darwin.Polling;

/// <summary>What a poll found out about one process.</summary>
internal enum ProcessChangeKind
{
    /// <summary>A process incarnation not seen before (a new pid, or a reused pid with a new start time).</summary>
    Started = 1,

    /// <summary>The same incarnation runs another program (its <c>p_comm</c>, or its argv, changed).</summary>
    Execed = 2,

    /// <summary>The incarnation vanished, became a zombie, or its pid now names another process.</summary>
    Exited = 3,
}
