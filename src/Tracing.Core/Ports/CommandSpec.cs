namespace Tracing.Ports;

/// <summary>A command to start: the program, its arguments, and optionally its working directory.</summary>
public sealed record CommandSpec
{
    /// <summary>Creates a command.</summary>
    public CommandSpec(string fileName, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        FileName = fileName;
        Arguments = arguments;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The program (looked up on PATH when it has no slash).</summary>
    public string FileName { get; }

    /// <summary>The arguments after the program name.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The working directory, or null for the caller's.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>The command line, for logs.</summary>
    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
