using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Tracing.Tests.Systemd;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// A running exectrace that has said <c>READY=1</c> on a <c>NOTIFY_SOCKET</c> the test bound, so the test starts what
/// it wants traced exactly when tracing is live, never after a sleep. Its stdout is read line by line; a check that
/// something does not appear reads until a sentinel that comes after it. <see cref="Bound"/> is a failure bound only.
/// </summary>
internal sealed class ExectraceSession : IAsyncDisposable
{
    /// <summary>How long anything may take before the test fails: generous, for a noisy machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _incoming = Channel.CreateUnbounded<string>();
    private readonly List<string> _lines = [];
    private readonly Task<string> _errors;
    private readonly bool _readOutput;

    private ExectraceSession(Process process, NotifySocket notify, bool readOutput)
    {
        _process = process;
        Notify = notify;
        _readOutput = readOutput;
        _errors = process.StandardError.ReadToEndAsync();
        if (readOutput)
        {
            _ = ReadOutputAsync();
        }
    }

    public NotifySocket Notify { get; }

    /// <summary>The first datagram with <c>READY=1</c>.</summary>
    public string Ready { get; private set; } = string.Empty;

    public int Pid => _process.Id;

    /// <summary>Starts <c>exectrace ARGS</c> and waits for <c>READY=1</c>.</summary>
    public static Task<ExectraceSession> StartAsync(params string[] arguments) =>
        StartAsync(ExectraceProcess.StartInfo(arguments), NotifySocket.Bind());

    /// <summary>
    /// Starts <paramref name="info"/> (exectrace, or a command that runs it) with <c>NOTIFY_SOCKET</c> set to
    /// <paramref name="notify"/>, and waits for <c>READY=1</c>; fails at once, with stderr, if it exits first.
    /// </summary>
    public static async Task<ExectraceSession> StartAsync(ProcessStartInfo info, NotifySocket notify, bool readOutput = true)
    {
        info.Environment["NOTIFY_SOCKET"] = notify.Address;
        info.RedirectStandardInput = true;
        var session = new ExectraceSession(Process.Start(info)!, notify, readOutput);
        var ready = notify.WaitForAsync("READY=1", Bound);
        var exited = session._process.WaitForExitAsync();
        if (await Task.WhenAny(ready, exited) != ready)
        {
            await exited;
            notify.Dispose();
            throw new InvalidOperationException($"exectrace exited with {session._process.ExitCode} before READY=1: {await session._errors}");
        }

        session.Ready = await ready;
        return session;
    }

    /// <summary>
    /// Runs <c>exectrace ARGS</c>, whose command waits for a line on the stdin it shares with exectrace (<c>read x</c>),
    /// so its processes are alive while exectrace reads their argv: once a line satisfies <paramref name="seen"/>, the
    /// line is written and exectrace waited for.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines, string Errors)> RunHeldAsync(Func<string, bool> seen, params string[] arguments)
    {
        await using var session = await StartAsync(arguments);
        await session.ReadUntilAsync(seen);
        session.WriteInput(string.Empty);
        return await session.WaitForExitAsync();
    }

    /// <summary>Closes the test's end of exectrace's stdout (a session started without reading it): the reader is gone.</summary>
    public void CloseOutput() => _process.StandardOutput.Close();

    /// <summary>Writes a line to exectrace's stdin, which a command it runs shares.</summary>
    public void WriteInput(string line) => _process.StandardInput.WriteLine(line);

    /// <summary>
    /// Reads stdout until a line satisfies <paramref name="sentinel"/>; returns every line read so far, that one last.
    /// Throws <see cref="TimeoutException"/>, with the lines and stderr, after <see cref="Bound"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadUntilAsync(Func<string, bool> sentinel)
    {
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            while (true)
            {
                var line = await _incoming.Reader.ReadAsync(timeout.Token);
                _lines.Add(line);
                if (sentinel(line))
                {
                    return [.. _lines];
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            var errors = _process.HasExited ? await _errors : "(still running)";
            throw new TimeoutException($"no such line within {Bound}; lines:\n{string.Join('\n', _lines)}\nstderr: {errors}");
        }
    }

    /// <summary>Sends a signal (<c>INT</c>, <c>TERM</c>) to exectrace.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>
    /// Waits for exectrace to end; returns its exit code, every line it printed, and its stderr. Past <see cref="Bound"/>
    /// it is killed and this throws <see cref="TimeoutException"/> with what it printed.
    /// </summary>
    public async Task<(int ExitCode, IReadOnlyList<string> Lines, string Errors)> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            List<string> lines = [.. _lines];
            if (_readOutput)
            {
                await foreach (var line in _incoming.Reader.ReadAllAsync())
                {
                    lines.Add(line);
                }
            }

            throw new TimeoutException($"exectrace did not end within {Bound}; lines:\n{string.Join('\n', lines)}\nstderr: {await _errors}");
        }

        var errors = await _errors.WaitAsync(timeout.Token);
        if (_readOutput)
        {
            await foreach (var line in _incoming.Reader.ReadAllAsync(timeout.Token))
            {
                _lines.Add(line);
            }
        }

        return (_process.ExitCode, [.. _lines], errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Notify.Dispose();
    }

    private async Task ReadOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            _incoming.Writer.TryWrite(line);
        }

        _incoming.Writer.TryComplete();
    }
}
