using Tracing.Cli.Running;
using Tracing.Ports;

namespace Tracing.Cli.Tests.Running;

public class StartFailureTests
{
    [Fact]
    public void An_engines_answer_with_terminal_escapes_does_not_reach_the_terminal_raw()
    {
        // What ContainerLocator says of a stopped container whose engine (a fake one at --engine-socket) named it so.
        var stopped = new ContainerLookupException(
            ContainerLookupFailure.NotRunning,
            "container 'evil\u001b]0;PWNED\u0007\u001b[31mRED\u009b' (id 36446f26de39, podman) is not running; start it first.");

        var line = StartFailure.Describe(stopped);

        Assert.DoesNotContain(line, char.IsControl);
        Assert.Equal(
            @"exectrace: container 'evil\x1b]0;PWNED\x07\x1b[31mRED\x9b' (id 36446f26de39, podman) is not running; start it first.",
            line);
    }

    [Fact]
    public void A_garbage_status_line_is_escaped_too()
    {
        var garbage = new ContainerLookupException(
            ContainerLookupFailure.EngineError,
            "The engine at /tmp/e.sock did not answer in HTTP (InvalidResponse): Received an invalid status line: '\0\u001b[2J'.");

        Assert.Equal(
            @"exectrace: The engine at /tmp/e.sock did not answer in HTTP (InvalidResponse): Received an invalid status line: '\x00\x1b[2J'.",
            StartFailure.Describe(garbage));
    }

    [Fact]
    public void A_plain_message_is_unchanged() =>
        Assert.Equal("exectrace: no container is named 'x', nor has an id starting with it.",
            StartFailure.Describe(new ContainerLookupException(ContainerLookupFailure.NotFound, "no container is named 'x', nor has an id starting with it.")));
}
