namespace Tracing.Tracer;

/// <summary>
/// What the tracer reads for each exec besides argv and parent. Each costs a read of the process
/// while it runs; leave out what you do not use to spend less per exec.
/// </summary>
[Flags]
public enum ExecDetails
{
    /// <summary>Only argv and parent.</summary>
    None = 0,

    /// <summary>The working directory.</summary>
    WorkingDirectory = 1,

    /// <summary>The executable's path.</summary>
    ExecutablePath = 2,

    /// <summary>The real and effective user ids.</summary>
    Credentials = 4,

    /// <summary>The kernel's command name (<c>comm</c>); read anyway when argv is lost, as its fallback.</summary>
    CommandName = 8,

    /// <summary>Everything.</summary>
    All = WorkingDirectory | ExecutablePath | Credentials | CommandName,
}
