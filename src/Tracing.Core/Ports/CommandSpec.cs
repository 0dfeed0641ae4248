using System.Text;

namespace Tracing.Ports;

/// <summary>A command to start: the program, its arguments, and optionally its working directory and environment.</summary>
public sealed record CommandSpec
{
    /// <summary>Creates a command.</summary>
    /// <param name="fileName">The program (looked up on PATH when it has no slash).</param>
    /// <param name="arguments">The arguments after the program name.</param>
    /// <param name="workingDirectory">The working directory, or null for the caller's.</param>
    public CommandSpec(string fileName, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        FileName = fileName;
        Arguments = arguments;
        WorkingDirectory = workingDirectory;
    }

    private CommandSpec(IReadOnlyList<ReadOnlyMemory<byte>> argv, IReadOnlyList<ReadOnlyMemory<byte>>? environment, string? workingDirectory)
        : this(Encoding.UTF8.GetString(argv[0].Span), [.. argv.Skip(1).Select(a => Encoding.UTF8.GetString(a.Span))], workingDirectory)
    {
        ArgvBytes = argv;
        EnvironmentBytes = environment;
    }

    /// <summary>The program (looked up on PATH when it has no slash).</summary>
    public string FileName { get; }

    /// <summary>The arguments after the program name.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The working directory, or null for the caller's.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>
    /// The exact bytes of the argv, program first, when the command was made with <see cref="FromBytes"/>; null when
    /// it was made from strings (then <see cref="FileName"/> and <see cref="Arguments"/> are passed as UTF-8).
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? ArgvBytes { get; }

    /// <summary>
    /// The exact environment entries (<c>NAME=value</c>, as bytes) the command gets, or null for the caller's
    /// environment.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? EnvironmentBytes { get; }

    /// <summary>
    /// Creates a command that gets exactly these bytes, as <c>execve</c> would pass them: not every argv or
    /// environment is valid UTF-8, and not every environment entry is a valid variable (a shell or <c>env</c> passes
    /// them on unchanged). <see cref="FileName"/> and <see cref="Arguments"/> are their UTF-8 decoding, for display.
    /// </summary>
    /// <param name="argv">The program, then its arguments; none may contain a NUL byte.</param>
    /// <param name="environment">The environment entries, or null for the caller's environment.</param>
    /// <param name="workingDirectory">The working directory, or null for the caller's.</param>
    /// <returns>The command.</returns>
    public static CommandSpec FromBytes(
        IReadOnlyList<ReadOnlyMemory<byte>> argv, IReadOnlyList<ReadOnlyMemory<byte>>? environment = null, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0 || argv[0].IsEmpty)
        {
            throw new ArgumentException("The command needs a program name.", nameof(argv));
        }

        if (argv.Any(a => a.Span.Contains((byte)0)) || (environment?.Any(e => e.Span.Contains((byte)0)) ?? false))
        {
            throw new ArgumentException("An argument or environment entry contains a NUL byte, which no program can receive.");
        }

        return new CommandSpec(argv, environment, workingDirectory);
    }

    /// <summary>The command line, for logs.</summary>
    /// <returns>The program and its arguments, separated by spaces.</returns>
    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
