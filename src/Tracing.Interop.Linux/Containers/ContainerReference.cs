namespace Tracing.Linux.Containers;

/// <summary>Checks a container reference (a name, an id or an id prefix) before it goes into a request path.</summary>
internal static class ContainerReference
{
    /// <exception cref="ArgumentException">The reference is empty, a dot segment, or has a '/' or a control character.</exception>
    public static void Validate(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length == 0)
        {
            throw new ArgumentException("A container reference is a name, an id or an id prefix; it is empty.", nameof(reference));
        }

        // Neither names nor ids have these; in a path they would change which endpoint is asked.
        if (reference is "." or ".." || reference.Contains('/', StringComparison.Ordinal) || reference.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"A container reference is a name, an id or an id prefix; '{Printable(reference)}' cannot be one (it has a '/', a control character, or is a dot segment).",
                nameof(reference));
        }
    }

    private static string Printable(string reference) =>
        string.Concat(reference.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
