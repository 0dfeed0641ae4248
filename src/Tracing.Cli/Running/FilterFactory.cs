using Tracing.Filtering;
using Tracing.Interop.Linux.ProcFs;
using Tracing.Ports;

namespace Tracing.Cli.Running;

/// <summary>Turns the command line's choice of scope into a filter, checking what can be checked up front.</summary>
internal static class FilterFactory
{
    public static ExecTraceFilter Create(TraceSettings settings)
    {
        var chosen = (settings.Pid is not null ? 1 : 0) + (settings.Cgroup is not null ? 1 : 0) + (settings.Command.Count > 0 ? 1 : 0);
        if (chosen > 1)
        {
            throw new UsageException("choose one scope: -p PID, --cgroup PATH, or -- COMMAND.");
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
            string path;
            try
            {
                path = CgroupPaths.ToHierarchyPath(cgroup);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--cgroup: {e.Message}");
            }

            if (cgroup.StartsWith("/sys/fs/cgroup", StringComparison.Ordinal) && !Directory.Exists(cgroup))
            {
                throw new UsageException($"--cgroup: no cgroup at {cgroup}.");
            }

            return ExecTraceFilter.Cgroup(path);
        }

        if (settings.Command.Count > 0)
        {
            return ExecTraceFilter.RunCommand(new CommandSpec(settings.Command[0], [.. settings.Command.Skip(1)]));
        }

        return ExecTraceFilter.Everything;
    }
}
