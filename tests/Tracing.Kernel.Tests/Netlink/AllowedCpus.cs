using System.Globalization;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>
/// The CPUs this process may run on, from <c>Cpus_allowed_list</c> (e.g. "0-3,8"): ids need not start at 0 nor follow
/// each other, and a CPU quota does not shrink the list as it does <see cref="Environment.ProcessorCount"/>.
/// </summary>
internal static class AllowedCpus
{
    public static IReadOnlyList<int> Read()
    {
        var list = File.ReadLines("/proc/self/status")
            .Single(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
            .Split(':', 2)[1].Trim();
        var cpus = new List<int>();
        foreach (var range in list.Split(','))
        {
            var bounds = range.Split('-');
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
            for (var cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }
}
