using System.Collections;

namespace Tracing.OpenTelemetry.Records;

/// <summary>
/// A log record's state: its attributes, then its body under <c>{OriginalFormat}</c> (the OpenTelemetry logging
/// provider makes that the record's body and not an attribute), and the kernel's time of the event, which
/// <see cref="ProcessRecordTimestamps"/> makes the record's timestamp.
/// </summary>
internal sealed class ProcessRecord : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string BodyKey = "{OriginalFormat}";

    private readonly List<KeyValuePair<string, object?>> _items;

    public ProcessRecord(List<KeyValuePair<string, object?>> attributes, string body, DateTimeOffset time)
    {
        _items = attributes;
        _items.Add(new(BodyKey, body));
        Body = body;
        Time = time;
    }

    public string Body { get; }

    /// <summary>When the kernel saw the exec or exit.</summary>
    public DateTimeOffset Time { get; }

    public int Count => _items.Count;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    /// <summary>What a logger other than OpenTelemetry's prints.</summary>
    public static string Format(ProcessRecord record, Exception? exception) => record.Body;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
