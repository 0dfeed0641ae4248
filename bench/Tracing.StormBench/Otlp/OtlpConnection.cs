using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Tracing.StormBench.Otlp;

/// <summary>
/// One keep-alive HTTP/1.1 connection to <see cref="NullOtlpReceiver"/>: request line and headers read, the body
/// (Content-Length or chunked) counted and dropped, a fixed empty 200 written back. Until the peer closes.
/// </summary>
internal sealed class OtlpConnection(Socket socket, NullOtlpReceiver receiver)
{
    private static readonly byte[] s_ok = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n");

    private static readonly byte[] s_notFound = Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    private static readonly byte[] s_continue = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public void Serve()
    {
        try
        {
            while (ReadLine() is { } requestLine)
            {
                if (requestLine.Length == 0)
                {
                    continue; // Stray CRLF between requests.
                }

                var parts = requestLine.Split(' ');
                var path = parts.Length > 1 ? parts[1] : string.Empty;
                long length = 0;
                bool chunked = false, close = false;
                while (ReadLine() is { Length: > 0 } header)
                {
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    var name = colon > 0 ? header[..colon].Trim() : header;
                    var value = colon > 0 ? header[(colon + 1)..].Trim() : string.Empty;
                    if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        length = long.Parse(value, CultureInfo.InvariantCulture);
                    }
                    else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                    {
                        chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
                    }
                    else if (name.Equals("Expect", StringComparison.OrdinalIgnoreCase) && value.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
                    {
                        socket.Send(s_continue);
                    }
                    else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                    {
                        close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
                    }
                }

                var body = chunked ? SkipChunked() : Skip(length) ? length : -1;
                if (body < 0)
                {
                    return; // The peer went away mid-body.
                }

                var known = path is "/v1/logs" or "/v1/traces";
                receiver.Add(path, body);
                socket.Send(known ? s_ok : s_notFound);
                if (close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or FormatException or OverflowException)
        {
            // The peer or the receiver closed, or spoke something else: drop the connection.
        }
    }

    /// <summary>A chunked body's size, its chunks skipped; -1 at end of stream.</summary>
    private long SkipChunked()
    {
        long total = 0;
        while (ReadLine() is { } sizeLine)
        {
            var size = long.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                while (ReadLine() is { Length: > 0 })
                {
                    // Trailers.
                }

                return total;
            }

            if (!Skip(size) || ReadLine() is null)
            {
                return -1;
            }

            total += size;
        }

        return -1;
    }

    private bool Skip(long count)
    {
        while (count > 0)
        {
            if (_start == _end && !Fill())
            {
                return false;
            }

            var taken = (int)Math.Min(count, _end - _start);
            _start += taken;
            count -= taken;
        }

        return true;
    }

    /// <summary>The next line without its CRLF (ASCII); null at end of stream.</summary>
    private string? ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return null;
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Append(Encoding.ASCII.GetString(_buffer, _start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return line.ToString().TrimEnd('\r');
            }
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = socket.Receive(_buffer);
        return _end > 0;
    }
}
