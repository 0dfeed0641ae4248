using Tracing.Cli.Systemd;
using Tracing.Tests.Systemd;

namespace Tracing.Cli.Tests.Systemd;

public class SystemdNotifierTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ready_arrives_as_one_datagram_with_the_status_at_a_path_or_an_abstract_name(bool abstractNamespace)
    {
        using var socket = NotifySocket.Bind(abstractNamespace);
        var diagnostics = new StringWriter();
        var notifier = SystemdNotifier.Create(socket.Address, diagnostics);

        notifier.Ready("Tracing every exec on this machine");

        Assert.True(notifier.IsEnabled);
        Assert.Equal("READY=1\nSTATUS=Tracing every exec on this machine", await socket.WaitForAsync("READY=1", s_bound));
        Assert.Equal(string.Empty, diagnostics.ToString());
    }

    [Fact]
    public async Task Stopping_follows_ready_in_order()
    {
        using var socket = NotifySocket.Bind();
        var notifier = SystemdNotifier.Create(socket.Address, TextWriter.Null);

        notifier.Ready("live");
        notifier.Stopping("Stopping");

        await socket.WaitForAsync("STOPPING=1", s_bound);
        Assert.Equal(["READY=1\nSTATUS=live", "STOPPING=1\nSTATUS=Stopping"], socket.Received);
    }

    [Fact]
    public async Task A_status_naming_a_hostile_command_stays_one_assignment()
    {
        using var socket = NotifySocket.Bind();
        var notifier = SystemdNotifier.Create(socket.Address, TextWriter.Null);

        notifier.Ready("Tracing /tmp/x\nMAINPID=1\u001b[2J and its descendants");

        Assert.Equal("READY=1\nSTATUS=Tracing /tmp/x?MAINPID=1?[2J and its descendants", await socket.WaitForAsync("READY=1", s_bound));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_socket_it_does_nothing_and_says_nothing(string? address)
    {
        var diagnostics = new StringWriter();
        var notifier = SystemdNotifier.Create(address, diagnostics);

        notifier.Ready("live");

        Assert.False(notifier.IsEnabled);
        Assert.Equal(string.Empty, diagnostics.ToString());
    }

    [Theory]
    [InlineData("vsock:2:1234")]
    [InlineData("relative/notify.sock")]
    public void An_address_it_cannot_use_is_named_once_and_ignored(string address)
    {
        var diagnostics = new StringWriter();
        var notifier = SystemdNotifier.Create(address, diagnostics);

        notifier.Ready("live");
        notifier.Stopping("Stopping");

        Assert.False(notifier.IsEnabled);
        Assert.Equal($"exectrace: NOTIFY_SOCKET={address} is not a socket path or @name; readiness will not be reported.{Environment.NewLine}", diagnostics.ToString());
    }

    [Fact]
    public void A_path_longer_than_sun_path_is_named_and_ignored()
    {
        var diagnostics = new StringWriter();
        var notifier = SystemdNotifier.Create("/" + new string('x', 200), diagnostics);

        Assert.False(notifier.IsEnabled);
        Assert.Contains("is not a socket path or @name", diagnostics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_socket_nobody_listens_on_is_reported_once_and_does_not_throw()
    {
        var address = Path.Join(Path.GetTempPath(), "tracing-notify-" + Guid.NewGuid().ToString("N") + ".sock");
        var diagnostics = new StringWriter();
        var notifier = SystemdNotifier.Create(address, diagnostics);

        notifier.Ready("live");
        notifier.Stopping("Stopping");

        var lines = diagnostics.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"exectrace: cannot notify NOTIFY_SOCKET={address}: ", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x\u001b[31m")]
    [InlineData("/no-such-dir-tracing/x\u001b[31m.sock")]
    public void An_address_with_terminal_escapes_is_said_escaped(string address)
    {
        var diagnostics = new StringWriter();
        var notifier = SystemdNotifier.Create(address, diagnostics);

        notifier.Ready("live");

        Assert.Contains("NOTIFY_SOCKET=" + address.Replace("\u001b", "\\x1b", StringComparison.Ordinal), diagnostics.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics.ToString().TrimEnd(), char.IsControl);
    }
}
