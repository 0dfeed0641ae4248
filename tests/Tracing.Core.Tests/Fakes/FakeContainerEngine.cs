using Tracing.Ports;

namespace Tracing.Core.Tests.Fakes;

/// <summary>
/// A container engine that knows a few containers and finds them as <c>docker inspect</c> does: by name, whole id or id
/// prefix. <see cref="Answer"/> replaces that for engines that fail, hang or answer wrongly.
/// </summary>
public sealed class FakeContainerEngine : IContainerEngine
{
    private readonly List<ContainerRecord> _containers = [];
    private readonly List<string> _asked = [];

    /// <summary>What the engine answers instead of looking its containers up; null to look them up.</summary>
    public Func<string, CancellationToken, Task<ContainerRecord?>>? Answer { get; set; }

    /// <summary>Every reference it was asked for, in order.</summary>
    public IReadOnlyList<string> Asked
    {
        get
        {
            lock (_asked)
            {
                return [.. _asked];
            }
        }
    }

    public FakeContainerEngine Add(ContainerRecord container)
    {
        _containers.Add(container);
        return this;
    }

    public Task<ContainerRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        lock (_asked)
        {
            _asked.Add(reference);
        }

        if (Answer is { } answer)
        {
            return answer(reference, cancellationToken);
        }

        var matches = _containers.Where(c => c.Name == reference || c.Id.StartsWith(reference, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            0 => Task.FromResult<ContainerRecord?>(null),
            1 => Task.FromResult<ContainerRecord?>(matches[0]),
            _ => Task.FromException<ContainerRecord?>(new ContainerLookupException(ContainerLookupFailure.Ambiguous, $"'{reference}' matches {matches.Count} containers.")),
        };
    }
}
