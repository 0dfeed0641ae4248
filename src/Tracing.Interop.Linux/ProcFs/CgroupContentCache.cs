using System.Runtime.InteropServices;
using Tracing.Ports;

namespace Tracing.Linux.ProcFs;

/// <summary>
/// Parses <c>/proc/PID/cgroup</c> once per distinct content: the processes of one service or container write the same
/// bytes, so a repeat costs a hash and a comparison, and the same (immutable) memberships are returned, with no
/// allocation. Bounded (past <see cref="MaxEntries"/> distinct contents it starts again empty); safe for any number of
/// threads (one lock, held for a lookup).
/// </summary>
internal sealed class CgroupContentCache
{
    /// <summary>The most distinct contents kept.</summary>
    public const int MaxEntries = 1024;

    private readonly Dictionary<int, List<(byte[] Content, CgroupMembership[] Memberships)>> _byHash = [];
    private readonly Lock _lock = new();
    private int _count;

    /// <summary>The memberships <paramref name="content"/> describes; false when it is not a cgroup file's shape.</summary>
    public bool TryParse(ReadOnlySpan<byte> content, out CgroupMembership[] memberships)
    {
        var hash = new HashCode();
        hash.AddBytes(content);
        var key = hash.ToHashCode();
        lock (_lock)
        {
            if (_byHash.TryGetValue(key, out var entries))
            {
                foreach (var (known, parsed) in CollectionsMarshal.AsSpan(entries))
                {
                    if (content.SequenceEqual(known))
                    {
                        memberships = parsed;
                        return true;
                    }
                }
            }
        }

        if (!ProcCgroupParser.TryParse(content, out memberships))
        {
            return false;
        }

        lock (_lock)
        {
            if (_count >= MaxEntries)
            {
                _byHash.Clear();
                _count = 0;
            }

            if (!_byHash.TryGetValue(key, out var entries))
            {
                _byHash[key] = entries = [];
            }

            entries.Add((content.ToArray(), memberships));
            _count++;
        }

        return true;
    }
}
