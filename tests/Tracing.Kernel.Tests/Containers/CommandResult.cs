namespace Tracing.Kernel.Tests.Containers;

/// <summary>How a program ended and what it printed; its text is what an assertion message wants.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout: {Output}\nstderr: {Errors}";
}
