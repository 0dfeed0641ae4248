namespace Tracing.Tree;

/// <summary>What the tracker remembers about one live process.</summary>
public sealed class ProcessNode
{
    internal ProcessNode(int pid, int parentPid, int branch, long forkTimestampNs)
    {
        Pid = pid;
        ParentPid = parentPid;
        Branch = branch;
        ForkTimestampNs = forkTimestampNs;
    }

    /// <summary>The process id.</summary>
    public int Pid { get; }

    /// <summary>The parent that created it.</summary>
    public int ParentPid { get; }

    /// <summary>The root's direct child this process descends from (itself for a direct child; 0 for the root or without a root).</summary>
    public int Branch { get; }

    /// <summary>The fork's kernel timestamp; 0 when the process existed before tracing.</summary>
    public long ForkTimestampNs { get; }

    /// <summary>The last command name seen for it.</summary>
    public string? CommandName { get; set; }

    /// <summary>True once an event for it was reported, so its exit is reported too.</summary>
    public bool Reported { get; set; }
}
