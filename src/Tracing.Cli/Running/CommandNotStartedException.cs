namespace Tracing.Cli.Running;

/// <summary>The command exectrace was asked to run could not be started; exit code 127.</summary>
internal sealed class CommandNotStartedException(string message, Exception innerException) : Exception(message, innerException);
