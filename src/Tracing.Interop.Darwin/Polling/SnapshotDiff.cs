using Tracing.Darwin.KinfoProc;

namespace Tracing.Darwin.Polling;

/// <summary>
/// Compares two process tables. (pid, start time) names an incarnation; an exec keeps it and changes
/// <c>p_comm</c>; a zombie or a vanished incarnation has exited. Pure.
/// </summary>
internal static class SnapshotDiff
{
    /// <summary>
    /// Appends to <paramref name="changes"/>, in an order a process tree can follow: exits of incarnations whose pid
    /// was reused (before the new one appears), execs, new processes with every parent before its children, then
    /// the other exits (after the new children of a dying parent, so they are still attached to it).
    /// </summary>
    /// <param name="previous">The last table.</param>
    /// <param name="current">The new table.</param>
    /// <param name="changes">Where the changes go.</param>
    /// <param name="argumentsChanged">
    /// Optional: true when a live process kept its incarnation and <c>p_comm</c> but its argv changed (an exec of a
    /// program with the same name). Asked for every live process that kept its incarnation.
    /// </param>
    public static void Compute(
        IReadOnlyDictionary<int, KinfoProcRecord> previous,
        IReadOnlyCollection<KinfoProcRecord> current,
        List<ProcessChange> changes,
        Func<KinfoProcRecord, bool>? argumentsChanged = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);

        var started = new Dictionary<int, KinfoProcRecord>();
        var exited = new List<ProcessChange>();
        var seen = new HashSet<int>();
        foreach (var now in current)
        {
            if (!seen.Add(now.Pid))
            {
                continue;
            }

            if (!previous.TryGetValue(now.Pid, out var before))
            {
                started.Add(now.Pid, now);
            }
            else if (before.Incarnation != now.Incarnation)
            {
                if (!before.IsZombie)
                {
                    changes.Add(new ProcessChange(ProcessChangeKind.Exited, before));
                }

                started.Add(now.Pid, now);
            }
            else if (!before.IsZombie)
            {
                // Asked even when the name changed, so the caller's record of argv stays current.
                var argvChanged = !now.IsZombie && argumentsChanged?.Invoke(now) == true;
                if (before.CommandName != now.CommandName || argvChanged)
                {
                    changes.Add(new ProcessChange(ProcessChangeKind.Execed, now));
                }

                if (now.IsZombie)
                {
                    exited.Add(new ProcessChange(ProcessChangeKind.Exited, now));
                }
            }

            if (started.ContainsKey(now.Pid) && now.IsZombie)
            {
                exited.Add(new ProcessChange(ProcessChangeKind.Exited, now));
            }
        }

        AddParentsFirst(started, changes);

        foreach (var (pid, before) in previous)
        {
            if (!seen.Contains(pid) && !before.IsZombie)
            {
                changes.Add(new ProcessChange(ProcessChangeKind.Exited, before));
            }
        }

        changes.AddRange(exited);
    }

    // A whole new chain can appear in one poll: each process goes after its new ancestors, so the tree knows the parent.
    private static void AddParentsFirst(Dictionary<int, KinfoProcRecord> started, List<ProcessChange> changes)
    {
        var placed = new HashSet<int>();
        var chain = new List<KinfoProcRecord>();
        foreach (var record in started.Values.OrderBy(r => r.StartSeconds).ThenBy(r => r.StartMicroseconds).ThenBy(r => r.Pid))
        {
            chain.Clear();
            var pid = record.Pid;
            while (started.TryGetValue(pid, out var link) && placed.Add(pid))
            {
                chain.Add(link);
                pid = link.ParentPid;
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                changes.Add(new ProcessChange(ProcessChangeKind.Started, chain[i]));
            }
        }
    }
}
