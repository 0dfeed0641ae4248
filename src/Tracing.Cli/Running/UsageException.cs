namespace Tracing.Cli.Running;

/// <summary>The command line asks for something that cannot work; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
