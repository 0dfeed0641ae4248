using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>Fills a tree from the processes that exist: at start, and again after the kernel lost events.</summary>
/// <param name="reader">Reads the process table.</param>
/// <param name="gate">The session's lock.</param>
/// <param name="resynchronized">Called under the lock once a resynchronisation has rebuilt the tree.</param>
internal sealed class ProcessTableSeeder(IProcessInfoReader reader, Lock gate, Action? resynchronized = null)
{
    /// <summary>
    /// Seeds a rooted tree with the root's descendants that exist now, and their threads. With
    /// <paramref name="includesExisting"/>, the root must exist and those processes are in scope (their exits reported),
    /// those <paramref name="reportExisting"/> accepts (pid and stat's command name) when it is given: it is asked
    /// before the lock is taken, so the receive thread does not wait for its reads.
    /// </summary>
    /// <exception cref="ArgumentException">The root must exist and does not.</exception>
    public void Seed(ProcessTree tree, int root, bool includesExisting, Func<int, string?, bool>? reportExisting = null)
    {
        var table = ReadProcessTable();
        if (includesExisting && !table.ContainsKey(root))
        {
            throw new ArgumentException($"Process {root} does not exist.");
        }

        HashSet<int>? reported = includesExisting && reportExisting is not null
            ? [.. SubtreeOf(table, root).Where(pid => reportExisting(pid, table[pid].CommandName))]
            : null;
        lock (gate)
        {
            foreach (var node in tree.Synchronize(ParentsOf(table), removeDead: false))
            {
                node.Reported = includesExisting && (reported is null || reported.Contains(node.Pid));
            }

            if (tree.TryGet(root, out var rootNode))
            {
                rootNode.Reported = includesExisting && (reported is null || reported.Contains(root));
            }

            // Their threads that exist already: the kernel reports only those created from now on.
            Refresh(tree.Nodes, table);
        }
    }

    /// <summary>Seeds a tree without a root with every process that exists now, and their threads; none is in scope by that.</summary>
    public void SeedAll(ProcessTree tree)
    {
        var table = ReadProcessTable();
        lock (gate)
        {
            tree.Synchronize(ParentsOf(table), removeDead: false);
            Refresh(tree.Nodes, table);
        }
    }

    /// <summary>After a kernel loss: forks, exits and thread events may be among the lost, so the tree is rebuilt from what exists now.</summary>
    /// <returns>How many processes were added.</returns>
    public int Resynchronize(ProcessTree tree)
    {
        var table = ReadProcessTable();
        lock (gate)
        {
            var added = tree.Synchronize(ParentsOf(table), removeDead: true).Count;
            Refresh(tree.Nodes, table);
            resynchronized?.Invoke();
            return added;
        }
    }

    private Dictionary<int, ProcessStat> ReadProcessTable()
    {
        var table = new Dictionary<int, ProcessStat>();
        foreach (var pid in reader.EnumerateProcessIds())
        {
            if (reader.TryReadStat(pid, out var stat))
            {
                table[pid] = stat;
            }
        }

        return table;
    }

    // The root and its descendants in the table, by the parents stat shows.
    private static List<int> SubtreeOf(Dictionary<int, ProcessStat> table, int root)
    {
        var children = table.Where(p => p.Key != root).ToLookup(p => p.Value.ParentPid, p => p.Key);
        var subtree = new List<int> { root };
        for (var i = 0; i < subtree.Count; i++)
        {
            subtree.AddRange(children[subtree[i]]);
        }

        return subtree;
    }

    private static Dictionary<int, int> ParentsOf(Dictionary<int, ProcessStat> table) =>
        table.ToDictionary(p => p.Key, p => p.Value.ParentPid);

    // What the kernel will not tell again of processes that exist: their threads (a leader that is a zombie while
    // other threads live has exited already, pthread_exit: the last thread ends it), and their command name, for
    // an exit that may come when the process can no longer be read.
    private void Refresh(IEnumerable<ProcessNode> nodes, Dictionary<int, ProcessStat> table)
    {
        foreach (var node in nodes)
        {
            var known = table.TryGetValue(node.Pid, out var stat);
            if (known)
            {
                node.CommandName ??= stat.CommandName;
            }

            if (reader.TryReadOtherThreadIds(node.Pid, out var threads))
            {
                node.Threads.Reset(threads, leaderExited: threads.Count > 0 && known && stat.IsZombie);
            }
        }
    }
}
