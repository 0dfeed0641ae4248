using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer;

public sealed partial class ExecTracer
{
    private sealed partial class Session
    {
        /// <summary>Seeds a rooted tree with the root's descendants that exist now, and their threads.</summary>
        private void Seed(ProcessTree tree, int root)
        {
            var table = ReadProcessTable();
            if (_filter is ProcessTreeFilter && !table.ContainsKey(root))
            {
                throw new ArgumentException($"Process {root} does not exist.");
            }

            lock (_gate)
            {
                foreach (var node in tree.Synchronize(ParentsOf(table), removeDead: false))
                {
                    node.Reported = _filter is ProcessTreeFilter;
                }

                if (tree.TryGet(root, out var rootNode))
                {
                    rootNode.Reported = _filter is ProcessTreeFilter;
                }

                // Their threads that exist already: the kernel reports only those created from now on.
                Refresh(tree.Nodes, table);
            }
        }

        /// <summary>After a kernel loss: forks, exits and thread events may be among the lost, so the tree is rebuilt from what exists now.</summary>
        /// <returns>How many processes were added.</returns>
        private int Resynchronize(ProcessTree tree)
        {
            var table = ReadProcessTable();
            lock (_gate)
            {
                var added = tree.Synchronize(ParentsOf(table), removeDead: true).Count;
                Refresh(tree.Nodes, table);
                return added;
            }
        }

        private Dictionary<int, ProcessStat> ReadProcessTable()
        {
            var table = new Dictionary<int, ProcessStat>();
            foreach (var pid in _owner._reader.EnumerateProcessIds())
            {
                if (_owner._reader.TryReadStat(pid, out var stat))
                {
                    table[pid] = stat;
                }
            }

            return table;
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

                if (_owner._reader.TryReadOtherThreadIds(node.Pid, out var threads))
                {
                    node.Threads.Reset(threads, leaderExited: threads.Count > 0 && known && stat.IsZombie);
                }
            }
        }
    }
}
