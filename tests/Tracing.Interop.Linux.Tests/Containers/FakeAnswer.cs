using System.Net;

namespace Tracing.Linux.Tests.Containers;

/// <summary>What the fake engine answers to one request.</summary>
internal sealed record FakeAnswer(HttpStatusCode Status, string Body)
{
    /// <summary>Header lines (<c>Name: value</c>) sent besides Content-Type and Content-Length.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    public static FakeAnswer Json(HttpStatusCode status, string body) => new(status, body);

    public static FakeAnswer Ok(string body) => new(HttpStatusCode.OK, body);
}
