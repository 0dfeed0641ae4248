using System.Net.Sockets;
using System.Text;
using Tracing.Cli.Output;

namespace Tracing.Cli.Systemd;

/// <summary>
/// The service manager's readiness protocol (sd_notify(3)) without libsystemd: each state is one datagram, such as
/// <c>READY=1</c>, sent to the AF_UNIX socket that <c>NOTIFY_SOCKET</c> names (a path, or <c>@name</c> in the
/// abstract namespace). Without <c>NOTIFY_SOCKET</c> it does nothing. A failure to notify is reported on stderr once
/// and never ends the run: tracing matters more than telling about it.
/// </summary>
internal sealed class SystemdNotifier
{
    /// <summary>The environment variable systemd sets for a <c>Type=notify</c> service.</summary>
    public const string SocketVariable = "NOTIFY_SOCKET";

    private readonly string? _address;
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private readonly TextWriter _diagnostics;
    private bool _warned;

    private SystemdNotifier(string? address, UnixDomainSocketEndPoint? endPoint, TextWriter diagnostics)
    {
        _address = address;
        _endPoint = endPoint;
        _diagnostics = diagnostics;
    }

    /// <summary>True when there is a socket to notify.</summary>
    public bool IsEnabled => _endPoint is not null;

    /// <summary>Notifies the socket <c>NOTIFY_SOCKET</c> names, if any.</summary>
    public static SystemdNotifier FromEnvironment(TextWriter diagnostics) =>
        Create(Environment.GetEnvironmentVariable(SocketVariable), diagnostics);

    /// <summary>
    /// Notifies <paramref name="address"/>: <c>/path</c>, or <c>@name</c> for the abstract namespace; null or empty
    /// for nothing. Any other address (systemd's <c>vsock:</c>, a relative path) is reported once and ignored.
    /// </summary>
    public static SystemdNotifier Create(string? address, TextWriter diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (string.IsNullOrEmpty(address))
        {
            return new SystemdNotifier(null, null, diagnostics);
        }

        if (address[0] is '/' or '@')
        {
            try
            {
                // .NET takes a leading NUL as the abstract namespace, and passes the name's length without a NUL after
                // it, as sd_notify does.
                return new SystemdNotifier(address, new UnixDomainSocketEndPoint(address[0] == '@' ? "\0" + address[1..] : address), diagnostics);
            }
            catch (ArgumentException)
            {
                // Longer than sun_path: fall through to the notice.
            }
        }

        diagnostics.WriteLine(TerminalText.Printable($"exectrace: {SocketVariable}={address} is not a socket path or @name; readiness will not be reported."));
        return new SystemdNotifier(null, null, diagnostics);
    }

    /// <summary>Tracing is live: an exec in scope from now on is reported.</summary>
    public void Ready(string status) => Notify($"READY=1\nSTATUS={OneLine(status)}");

    /// <summary>Tracing is stopping.</summary>
    public void Stopping(string status) => Notify($"STOPPING=1\nSTATUS={OneLine(status)}");

    /// <summary>Says what exectrace is doing (<c>STATUS=</c>), e.g. what it waits for.</summary>
    public void Status(string status) => Notify($"STATUS={OneLine(status)}");

    // A status names the user's command, whose path may hold a newline: it must not start an assignment of its own.
    private static string OneLine(string status) =>
        string.Create(status.Length, status, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '?' : text[i];
            }
        });

    /// <summary>Sends <paramref name="state"/>, newline-separated <c>KEY=value</c> assignments, as one datagram.</summary>
    public void Notify(string state)
    {
        if (_endPoint is null)
        {
            return;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendTo(Encoding.UTF8.GetBytes(state), _endPoint);
        }
        catch (SocketException e)
        {
            if (!_warned)
            {
                _warned = true;
                _diagnostics.WriteLine(TerminalText.Printable($"exectrace: cannot notify {SocketVariable}={_address}: {e.Message}"));
            }
        }
    }
}
