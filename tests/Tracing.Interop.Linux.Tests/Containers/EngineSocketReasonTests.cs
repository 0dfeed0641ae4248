using System.Net.Sockets;
using Tracing.Linux.Containers;

namespace Tracing.Linux.Tests.Containers;

/// <summary>
/// The words for connection failures the fake engine cannot make: these tests run as root, for whom a socket's
/// permissions never refuse a connection.
/// </summary>
public sealed class EngineSocketReasonTests
{
    [Theory]
    [InlineData(SocketError.AccessDenied, "permission denied (needs root or membership of the socket's group)")]
    [InlineData(SocketError.ConnectionRefused, "connection refused")]
    [InlineData(SocketError.AddressNotAvailable, "missing")]
    [InlineData(SocketError.NetworkDown, "NetworkDown")]
    public void Each_connection_failure_says_why(SocketError error, string words)
    {
        Assert.Contains(words, EngineSocket.Reason(error), StringComparison.Ordinal);
    }
}
