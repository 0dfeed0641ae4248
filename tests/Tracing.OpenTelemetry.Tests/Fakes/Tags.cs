namespace Tracing.OpenTelemetry.Tests.Fakes;

internal static class Tags
{
    /// <summary>Attributes by name; a name given twice fails (each attribute is said once).</summary>
    public static Dictionary<string, object?> ToDictionary(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            Assert.True(result.TryAdd(tag.Key, tag.Value), $"{tag.Key} is given twice");
        }

        return result;
    }
}
