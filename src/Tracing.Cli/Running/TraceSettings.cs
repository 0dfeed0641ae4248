namespace Tracing.Cli.Running;

/// <summary>What the user asked exectrace to do.</summary>
internal sealed record TraceSettings
{
    public int? Pid { get; init; }

    public string? Cgroup { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public bool Json { get; init; }

    public bool Exits { get; init; }

    public string? OutputPath { get; init; }

    public bool ShowWorkingDirectory { get; init; }

    public bool ShowUser { get; init; }
}
