using Tracing.Filtering;
using Tracing.Linux.ProcFs;
using Tracing.Ports;

namespace Tracing.Cli.Running;

/// <summary>Turns the command line's choice of scope into a filter, checking what can be checked up front.</summary>
internal static class FilterFactory
{
    public static ExecTraceFilter Create(TraceSettings settings) => Create(settings, CgroupPaths.DefaultMountRoot);

    /// <summary>Creates the filter, taking the cgroup file systems to be mounted at <paramref name="cgroupMountRoot"/>.</summary>
    internal static ExecTraceFilter Create(TraceSettings settings, string cgroupMountRoot)
    {
        var chosen = (settings.Pid is not null ? 1 : 0) + (settings.Cgroup is not null ? 1 : 0) + (settings.Container is not null ? 1 : 0)
            + (settings.RunsCommand ? 1 : 0);
        if (chosen > 1)
        {
            throw new UsageException("choose one scope: -p PID, --cgroup PATH, --container NAME, or -- COMMAND.");
        }

        if (settings.EngineSocket is { } socket && string.IsNullOrWhiteSpace(socket))
        {
            // An empty value would silently mean "unset", and the default sockets would be asked instead.
            throw new UsageException("--engine-socket needs the path of the engine's Unix socket; got an empty value.");
        }

        if (settings.Follow && !settings.RunsCommand)
        {
            throw new UsageException("-f follows a command's subtree: give it with -- COMMAND.");
        }

        if (settings.Pid is int pid)
        {
            if (pid <= 0)
            {
                throw new UsageException($"-p needs a positive process id; got {pid}.");
            }

            if (OperatingSystem.IsLinux() && !Directory.Exists($"/proc/{pid}"))
            {
                throw new UsageException($"process {pid} does not exist.");
            }

            return ExecTraceFilter.ProcessTree(pid);
        }

        if (settings.Cgroup is string cgroup)
        {
            return CreateCgroupFilter(cgroup, cgroupMountRoot);
        }

        if (settings.Container is string container)
        {
            // Found (and checked to run) when tracing starts: the engine is asked then.
            var filter = ExecTraceFilter.Container(container);
            try
            {
                filter.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--container: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}");
            }

            return filter;
        }

        if (settings.RunsCommand)
        {
            // exectrace starts nothing but the command: any other child of it is the command's (clone(CLONE_PARENT)).
            return new CommandFilter(CommandBytes.Create(settings.Command))
            {
                Follow = settings.Follow,
                IncludeTracerChildren = true,
            };
        }

        return ExecTraceFilter.Everything;
    }

    // The checks and their words are CgroupPaths' (the ExecTracing:Cgroup setting gets the same verdict and message).
    private static ExecTraceFilter CreateCgroupFilter(string cgroup, string cgroupMountRoot) =>
        CgroupPaths.TryResolve(cgroup, cgroupMountRoot, out var resolved, out var error)
            ? ExecTraceFilter.Cgroup(resolved.Path, resolved.Controller)
            : throw new UsageException($"--cgroup: {error}");
}
