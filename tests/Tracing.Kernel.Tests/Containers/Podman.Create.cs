namespace Tracing.Kernel.Tests.Containers;

internal sealed partial class Podman
{
    /// <summary>Creates a container that is never started (<c>podman create</c>): it exists, with no process; returns its full id and name.</summary>
    public async Task<(string Id, string Name)> CreateAsync(string name)
    {
        var fullName = NewName(name);
        var create = await PodmanAsync(["create", "-i", "--name", fullName, "--label", Label, .. s_runtime, Image, .. s_holdingInit]);
        if (create.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman create {fullName} failed: {create}");
        }

        return (create.Output.Trim(), fullName);
    }

    /// <summary>
    /// Starts <c>/bin/sh -c 'echo $$; read x' MARKER</c> in <paramref name="container"/> (as <paramref name="user"/> if
    /// given) and waits for the pid it prints: its exec, with MARKER as its last argument, has happened, and the process
    /// stays until released (or the test ends). Returns the process and that pid, as the container's namespace numbers it.
    /// </summary>
    public async Task<(BoundedProcess Process, int NamespacePid)> HoldAsync(RunningContainer container, string marker, string? user = null)
    {
        var exec = StartExec(container, ["/bin/sh", "-c", "echo $$; read x", marker], user);
        var printed = await exec.Lines.FirstAsync(_ => true, Bound);
        return (exec, int.Parse(printed, System.Globalization.CultureInfo.InvariantCulture));
    }
}
